/** A character reference at a position: numeric (&#20803; &#x5143;) or named (&nbsp;). */
const ENTITY_AT = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/iy;

/**
 * The end of a span of an HTML source, moved past the character reference it would cut: the
 * read text maps each character to where its reference begins, so a span ending with a
 * character written as `&#20803;` would otherwise end one code unit into it.
 */
export function wholeEntityEnd(source: string, end: number): number {
  const from = source.lastIndexOf('&', end - 1);
  if (from < 0 || end - from > 40) return end;
  ENTITY_AT.lastIndex = from;
  const m = ENTITY_AT.exec(source);
  return m && from + m[0].length > end ? from + m[0].length : end;
}
