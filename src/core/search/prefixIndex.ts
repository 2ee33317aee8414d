/**
 * Keys sorted once, so that every id whose key starts with a prefix is one binary search away:
 * `carp` → the ids under `carpal tunnel syndrome`, `carpal tunnel`… in O(log n + hits).
 * Ids are small non-negative integers chosen by the caller; a lower id is a better candidate
 * (the search numbers its forms shortest first), and {@link PrefixIndex.find} keeps the lowest.
 */
export class PrefixIndex {
  readonly #keys: string[];
  readonly #ids: Uint32Array;

  /** @param entries `[key, id]` pairs in any order; a key may repeat with different ids. */
  constructor(entries: Iterable<readonly [key: string, id: number]>) {
    const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.#keys = sorted.map(([key]) => key);
    this.#ids = Uint32Array.from(sorted, ([, id]) => id);
  }

  /**
   * Distinct ids with a key that starts with `prefix` (compared code unit by code unit, so give
   * keys and prefix in the same normal form), lowest first, at most `limit` of them.
   * An empty prefix matches every key.
   */
  find(prefix: string, limit = Infinity): number[] {
    const from = this.#lowerBound(prefix);
    // Every key with the prefix sorts before prefix + U+FFFF, the highest code unit.
    const to = this.#lowerBound(`${prefix}\uffff`);
    // A typed-array sort is numeric and fast; ranges are small except for one- or two-letter prefixes.
    const ids = this.#ids.slice(from, to).sort();
    const found: number[] = [];
    for (let i = 0; i < ids.length && found.length < limit; i++) if (i === 0 || ids[i] !== ids[i - 1]) found.push(ids[i]);
    return found;
  }

  /** Index of the first key that is not less than `key`. */
  #lowerBound(key: string): number {
    let lo = 0;
    let hi = this.#keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
