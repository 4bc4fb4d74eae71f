/**
 * Parses CSV the way Python's csv module reads it: outside quotes a carriage return, a line feed or
 * both end a record; a quote opens a quoted cell only at the start of a cell; anything else
 * unexpected throws. A CSV file this accepts is one Python, R and Excel read the same way.
 */
export function parseCsvStrict(text: string): string[][] {
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let fresh = true; // at the start of a cell
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (c === '"') {
      if (!fresh) throw new Error(`a quote inside an unquoted cell at ${i}`);
      quoted = true;
      fresh = false;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      fresh = true;
    } else if (c === '\r' || c === '\n') {
      row.push(cell);
      records.push(row);
      row = [];
      cell = '';
      fresh = true;
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      cell += c;
      fresh = false;
    }
  }
  if (quoted) throw new Error('a quoted cell is not closed');
  if (!fresh || row.length) {
    row.push(cell);
    records.push(row);
  }
  return records;
}
