export type Severity = 'error' | 'warning' | 'info';

/** A finding about a document: a stable rule id, a reason a person can read, where, and why. */
export interface Diagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number | null;
  readonly end: number | null;
  readonly evidence: Record<string, unknown> | null;
}

export function diagnostic(
  rule: string,
  severity: Severity,
  message: string,
  span: { start: number; end: number } | null = null,
  evidence: Record<string, unknown> | null = null,
): Diagnostic {
  return { rule, severity, message, start: span?.start ?? null, end: span?.end ?? null, evidence };
}
