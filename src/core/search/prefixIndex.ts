/**
 * Keys sorted once, so that every id whose key starts with a prefix is one binary search away:
 * `carp` → the ids under `carpal tunnel syndrome`, `carpal tunnel`… in O(log n + hits).
 * Ids are small non-negative integers chosen by the caller; a lower id is a better candidate
 * (the search numbers its forms shortest first), and {@link PrefixIndex.find} keeps the lowest.
 */
export class PrefixIndex {
  /** The distinct keys, sorted. */
  readonly #keys: string[];
  /** The ids of key `i` are `#ids[#starts[i]]` up to `#ids[#starts[i + 1]]`. */
  readonly #starts: Uint32Array;
  readonly #ids: Uint32Array;

  /** @param entries `[key, id]` pairs in any order; a key may repeat with different ids. */
  constructor(entries: Iterable<readonly [key: string, id: number]>) {
    // Sorting the distinct keys only: many forms end in the same words (`… syndrome`).
    const idsOf = new Map<string, number[]>();
    for (const [key, id] of entries) {
      const ids = idsOf.get(key);
      if (ids) ids.push(id);
      else idsOf.set(key, [id]);
    }
    this.#keys = [...idsOf.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.#starts = new Uint32Array(this.#keys.length + 1);
    const ids: number[] = [];
    this.#keys.forEach((key, i) => {
      this.#starts[i] = ids.length;
      for (const id of idsOf.get(key)!) ids.push(id);
    });
    this.#starts[this.#keys.length] = ids.length;
    this.#ids = Uint32Array.from(ids);
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
    const ids = this.#ids.slice(this.#starts[from], this.#starts[to]).sort();
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
