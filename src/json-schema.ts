import { z } from 'zod';
import { DiagnosticRow, DocumentRow, FactRow, GlossaryRow, LinkRow, OrganisationRow, OrgUnitRow, PanelRow, summaryColumns, TableCellRow, TableRow } from './schema.js';

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; anyOf?: JsonSchema[]; [k: string]: unknown };

/** A text property as written: an empty text is missing, written as null (src/write/formats.ts). */
function textMayBeNull(schema: JsonSchema): JsonSchema {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, p]) => [name, p.type === 'string' && name !== 'doc_id' ? { anyOf: [p, { type: 'null' }] } : p]),
  );
  return { ...schema, properties };
}

/** The summary's record: the document's id, organisation, year and type, then one number (or null) per headline metric. */
function summarySchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    doc_id: { type: 'string', minLength: 1 },
    org: { type: ['string', 'null'] },
    year: { type: ['integer', 'null'] },
    doc_type: { type: ['string', 'null'] },
  };
  for (const column of summaryColumns())
    properties[column] ??= column === 'sources' ? { type: ['string', 'null'], description: 'the fact of each value, by column (JSON)' } : { type: ['number', 'null'] };
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}

/**
 * JSON Schema (draft 2020-12) of every dataset's records as the JSON and JSON-lines outputs hold
 * them, generated from the Zod schemas (an empty text written as null).
 */
export function jsonSchemas(): Record<string, unknown> {
  const io = { io: 'output' as const, unrepresentable: 'any' as const };
  const of = (schema: z.ZodType) => textMayBeNull(z.toJSONSchema(schema, io) as JsonSchema);
  return {
    documents: of(DocumentRow),
    facts: of(FactRow),
    summary: summarySchema(),
    org_units: of(OrgUnitRow),
    glossary: of(GlossaryRow),
    diagnostics: of(DiagnosticRow),
    table_cells: of(TableCellRow),
    tables: of(TableRow),
    panel: of(PanelRow),
    organisations: of(OrganisationRow),
    links: of(LinkRow),
  };
}
