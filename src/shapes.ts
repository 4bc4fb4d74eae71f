/**
 * A new empty array with the hidden class of a list of objects. An empty literal `[]` has another
 * one (its elements kind is "small integers" until an object is stored in it), so a list that
 * stays empty and one that does not reach the same code with two hidden classes, and optimised
 * code that has met only one is thrown away, and compiled again, when it meets the other.
 */
export function objectList<T extends object>(): T[] {
  return ([undefined] as unknown as T[]).slice(1);
}
