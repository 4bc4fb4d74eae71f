import { z } from 'zod';
import { DiagnosticRow, DocumentRow, FactRow, GlossaryRow, OrgUnitRow } from './schema.js';

/** JSON Schema (draft 2020-12) of every record type, generated from the Zod schemas. */
export function jsonSchemas(): Record<string, unknown> {
  const io = { io: 'output' as const, unrepresentable: 'any' as const };
  return {
    documents: z.toJSONSchema(DocumentRow, io),
    facts: z.toJSONSchema(FactRow, io),
    org_units: z.toJSONSchema(OrgUnitRow, io),
    glossary: z.toJSONSchema(GlossaryRow, io),
    diagnostics: z.toJSONSchema(DiagnosticRow, io),
  };
}
