/**
 * `fn` with its answers remembered by argument: disclosures repeat the same short texts (clauses,
 * item spans) document after document. The memory is cleared when it holds `size` answers, so it
 * stays flat over any run.
 */
export function remembered<T extends NonNullable<unknown>>(size: number, fn: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= size) known.clear();
      value = fn(key);
      known.set(key, value);
    }
    return value;
  };
}
