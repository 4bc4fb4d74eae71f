import type { z } from 'zod';
import { type Diagnostic, diagnostic } from './diagnostics.js';

/** Validates records with their Zod schema; a record that fails becomes a diagnostic, never a crash. */
export function validated<T>(schema: z.ZodType<T>, rows: unknown[], kind: string, diags: Diagnostic[]): T[] {
  const ok: T[] = [];
  for (const row of rows) {
    const r = schema.safeParse(row);
    if (r.success) {
      ok.push(r.data);
      continue;
    }
    const { start, end } = row as { start?: unknown; end?: unknown };
    const span = typeof start === 'number' && typeof end === 'number' ? { start, end } : null;
    const issues = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    diags.push(diagnostic('validate.record-invalid', 'error', `a ${kind} record failed validation and was left out: ${issues}`, span, { record: row }));
  }
  return ok;
}
