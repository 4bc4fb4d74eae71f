/** A string set on a page at a point of the page's space (y up), in Helvetica. */
export interface Placed {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size?: number;
}

/**
 * A minimal one-page PDF (`drawing`: content-stream operators drawn before the text), written by hand with a correct cross-reference table, so that tests can
 * put text exactly where they need it (on the page, past its edge, on a rotated page).
 */
export function buildPdf(placed: readonly Placed[], opts: { width?: number; height?: number; rotate?: number; drawing?: string } = {}): Buffer {
  const { width = 595, height = 842, rotate = 0, drawing = '' } = opts;
  const content = [drawing, ...placed.map((p) => `BT /F1 ${p.size ?? 12} Tf 1 0 0 1 ${p.x} ${p.y} Tm (${p.text}) Tj ET`)].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Rotate ${rotate} /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(Buffer.byteLength(out));
    out += `${k + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
