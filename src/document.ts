/** A half-open span `[start, end)` in UTF-16 code units of the decoded original text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Maps an offset of the decoded text to a 1-based line number; built once per document. */
export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    this.starts = starts;
  }

  /** 1-based line of `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** The 1-based page of an offset. */
export function pageOf(pageStarts: readonly number[], offset: number): number {
  let page = 1;
  for (let i = 0; i < pageStarts.length; i++) if ((pageStarts[i] ?? 0) <= offset) page = i + 1;
  return page;
}
