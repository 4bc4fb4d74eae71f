// Distinct documents for measuring: the corpus texts again and again, each copy with its figures
// and years varied so that no two files are equal and no cache keyed by text flatters a build.
// Copy r of a text has the digits of its figures permuted (one permutation per copy) and its years
// (19xx, 20xx) moved by a few years; the words stay, so the work per document stays the same.
//   node scripts/distinct-corpus.mjs DIR N [SOURCE]     (SOURCE: ../shared/corpus/text)
import fs from 'node:fs';
import path from 'node:path';

/** A permutation of the ten digits, the same for the same copy number. */
function permutation(r) {
  const digits = [...'0123456789'];
  let seed = r * 2654435761 + 1;
  for (let i = digits.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [digits[i], digits[j]] = [digits[j], digits[i]];
  }
  return digits;
}

/** The copy number in letters (a, b … z, ba …): a mark no extraction pattern reads as a quantity. */
const letters = (r) => (r < 26 ? '' : letters(Math.floor(r / 26))) + String.fromCharCode(97 + (r % 26));

/**
 * Copy r of a text: its figures' digits permuted, its years moved by −3 … +3, and its first line
 * marked with the copy number in letters (a text with no figures is still a new file).
 */
export function vary(text, r) {
  if (r === 0) return text;
  const p = permutation(r);
  const shift = (r % 7) - 3 || 4;
  const varied = text.replace(/\d+/g, (run) => (/^(?:19|20)\d\d$/.test(run) ? String(Number(run) + shift) : run.replace(/\d/g, (d) => p[Number(d)])));
  return varied.replace(/^([^\n]*)/, `$1（副本${letters(r)}）`);
}

/** Writes n distinct documents into dir; returns their total bytes. */
export function writeDistinctCorpus(dir, n, source) {
  const files = fs
    .readdirSync(source)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const texts = files.map((f) => fs.readFileSync(path.join(source, f), 'utf8'));
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const k = i % files.length;
    const body = vary(texts[k], Math.floor(i / files.length));
    const file = path.join(dir, `${String(i).padStart(6, '0')}-${files[k]}`);
    fs.writeFileSync(file, body);
    bytes += Buffer.byteLength(body);
  }
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, n, source] = process.argv.slice(2);
  if (!dir || !n) {
    console.error('usage: node scripts/distinct-corpus.mjs DIR N [SOURCE]');
    process.exit(2);
  }
  fs.mkdirSync(dir, { recursive: true });
  const from = source ?? path.join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'text');
  const bytes = writeDistinctCorpus(dir, Number(n), from);
  console.log(`${n} distinct documents, ${(bytes / 1e6).toFixed(1)} MB → ${dir}`);
}
