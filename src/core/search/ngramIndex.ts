const EMPTY = new Uint32Array(0);
/** A pair in more than this share of the strings (and more than STOP_MIN of them) is skipped. */
const STOP_SHARE = 1 / 8;
const STOP_MIN = 1000;

/**
 * The candidate prefilter for fuzzy search: an inverted index from character pairs to the
 * strings that contain them. A query's candidates are the strings sharing the most of its
 * pairs, so a fuzzy scorer (Fuse.js) only has to look at a few hundred strings, not all of them.
 *
 * The pairs are adjacent (`rh`, `he`, `eu`…) and one-apart (`r_e`, `h_u`…) characters of the
 * string with a leading space, pooled together: a transposition (`rhuem` for `rheum`) keeps
 * most of them, where plain bigrams keep one, and the leading space favours strings whose
 * words start like the query's.
 */
export class NgramIndex {
  /** pair code → ids of the strings containing it, ascending. */
  readonly #postings = new Map<number, Uint32Array>();
  /** Per string: how many of the current query's pairs it contains. Reused by every query. */
  readonly #counts: Uint8Array;

  /**
   * @param texts the strings to index; a string's id is its position. A lower id is preferred
   *   among candidates that share as many pairs, so number the likelier strings first.
   */
  constructor(texts: readonly string[]) {
    const lists = new Map<number, number[]>();
    // As pairsOf, without a Set per string: ids come in ascending order, so a pair this string
    // has already posted is the last id of its list.
    const post = (pair: number, id: number): number => {
      const list = lists.get(pair);
      if (!list) lists.set(pair, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
      else return 0;
      return 1;
    };
    texts.forEach((text, id) => {
      const padded = ` ${text}`;
      for (let i = 0, distinct = 0; i + 1 < padded.length && distinct < MAX_PAIRS; i++) {
        const first = padded.charCodeAt(i) * 0x10000;
        distinct += post(first + padded.charCodeAt(i + 1), id);
        if (i + 2 < padded.length) distinct += post(first + padded.charCodeAt(i + 2), id);
      }
    });
    for (const [pair, ids] of lists) this.#postings.set(pair, Uint32Array.from(ids));
    this.#counts = new Uint8Array(texts.length);
  }

  /**
   * Ids of at most `limit` strings that share the most character pairs with `query`, most
   * shared first and, among as many shared, lowest id first. Strings sharing none are never
   * candidates. Give query and strings in the same normal form (e.g. `searchForm`).
   * @param everyPair count the very common pairs too (see below): slower, for the rare query
   *   whose telling pairs are all common ones.
   */
  candidates(query: string, limit: number, everyPair = false): number[] {
    const counts = this.#counts;
    const touched: number[] = [];
    // Rarest pairs first. A pair that most strings contain (`e `, ` s`) says little and costs
    // the most, so once two pairs have been counted the very common ones are skipped: this
    // bounds a query's work at any size of knowledge base.
    const postings = [...pairsOf(query)].map((pair) => this.#postings.get(pair) ?? EMPTY).sort((a, b) => a.length - b.length);
    const common = Math.max(STOP_MIN, counts.length * STOP_SHARE);
    postings.forEach((ids, rank) => {
      if (rank >= 2 && ids.length > common && !everyPair) return;
      for (const id of ids) if (counts[id]++ === 0) touched.push(id);
    });
    // Bucket by count (at most a few dozen distinct values), resetting the counts for the next query.
    const byCount: number[][] = [];
    for (const id of touched) {
      (byCount[counts[id]] ??= []).push(id);
      counts[id] = 0;
    }
    const found: number[] = [];
    for (let count = byCount.length - 1; count > 0 && found.length < limit; count--) {
      const bucket = byCount[count];
      if (!bucket) continue;
      // Only the bucket that overflows the limit needs its lowest ids; the others go in whole.
      const ids = found.length + bucket.length > limit ? Uint32Array.from(bucket).sort() : bucket;
      for (let i = 0; i < ids.length && found.length < limit; i++) found.push(ids[i]);
    }
    return found;
  }
}

/** At most about this many distinct pairs of a string count, so a count fits a byte. */
const MAX_PAIRS = 254;

/**
 * The distinct pair codes of `text`: adjacent and one-apart UTF-16 units of ` ${text}`, each
 * pair packed into one number.
 */
export function pairsOf(text: string): Set<number> {
  const padded = ` ${text}`;
  const pairs = new Set<number>();
  for (let i = 0; i + 1 < padded.length && pairs.size < MAX_PAIRS; i++) {
    const first = padded.charCodeAt(i) * 0x10000;
    pairs.add(first + padded.charCodeAt(i + 1));
    if (i + 2 < padded.length) pairs.add(first + padded.charCodeAt(i + 2));
  }
  return pairs;
}
