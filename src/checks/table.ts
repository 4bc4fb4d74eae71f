import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PATTERNS_DIR } from '../patterns.js';

const ChecksFile = z.object({
  sums: z.array(
    z.object({
      id: z.string(),
      total: z.array(z.string()).min(1),
      need: z.array(z.string()).min(1),
      parts: z.array(z.string()).min(2),
      skipIf: z.array(z.string()).optional(),
    }),
  ),
  items: z.array(z.object({ id: z.string(), item: z.string(), total: z.string() })),
  tableFacts: z.array(
    z.object({
      id: z.string(),
      metrics: z.array(z.string()).min(1),
      byCode: z.boolean().optional(),
      row: z.string().optional(),
      tables: z.array(z.string()).min(1),
      columns: z.array(z.string()).min(1),
    }),
  ),
  shareParents: z.record(z.string(), z.array(z.string())),
  labels: z.record(z.string(), z.string()),
});

export interface ChecksTable extends z.infer<typeof ChecksFile> {
  label(metric: string): string;
  parentsOfShare(metric: string): string[];
}

let cached: ChecksTable | null = null;

/** patterns/checks.json, validated and loaded once. */
export function loadChecks(): ChecksTable {
  if (cached) return cached;
  const data = ChecksFile.parse(JSON.parse(readFileSync(`${PATTERNS_DIR}checks.json`, 'utf8')));
  cached = {
    ...data,
    label: (metric) => data.labels[metric] ?? metric,
    parentsOfShare: (metric) => {
      const prefix = Object.keys(data.shareParents).find((p) => metric.startsWith(p));
      return prefix ? (data.shareParents[prefix] ?? []).filter((m) => m !== metric) : [];
    },
  };
  return cached;
}
