import { writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { COLUMNS, DATASETS, ROLES, SECTIONS, SEVERITIES, STATUSES, summaryColumns } from '../schema.js';

const INTEGER = new Set(['bytes', 'facts', 'diagnostics', 'errors', 'warnings', 'infos', 'start', 'end', 'line', 'page', 'staff_quota', 'leader_posts', 'year']);
const ENUMS: Record<string, readonly string[]> = { section: SECTIONS, role: ROLES, severity: SEVERITIES, status: STATUSES };

function field(name: string, dataset: string): Record<string, unknown> {
  const f: Record<string, unknown> = { name };
  if (INTEGER.has(name)) f.type = 'integer';
  else if (name === 'value' || (dataset === 'summary' && !['doc_id', 'org', 'year', 'doc_type'].includes(name))) f.type = 'number';
  else f.type = 'string';
  const e = ENUMS[name];
  if (e) f.constraints = { enum: [...e] };
  if (name === 'doc_id') f.constraints = { required: true };
  return f;
}

/** A Frictionless Data Package describing the CSV datasets of a run. */
export async function writeDataPackage(dir: string): Promise<string> {
  const resources = DATASETS.map((name) => {
    const columns = name === 'summary' ? summaryColumns() : COLUMNS[name];
    return {
      name,
      path: `${name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: columns.map((c) => field(c, name)),
        missingValues: [''],
        ...(name === 'documents' || name === 'summary' ? { primaryKey: ['doc_id'] } : {}),
        ...(name !== 'documents' ? { foreignKeys: [{ fields: ['doc_id'], reference: { resource: 'documents', fields: ['doc_id'] } }] } : {}),
      },
    };
  });
  const pkg = { name: 'fiscal-disclosures', title: 'Facts extracted from Chinese government fiscal disclosures', resources };
  const target = join(dir, 'datapackage.json');
  const temp = `${target}.tmp`;
  await writeFile(temp, `${JSON.stringify(pkg, null, 2)}\n`);
  await rename(temp, target);
  return target;
}
