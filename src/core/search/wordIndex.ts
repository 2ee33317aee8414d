import { PrefixIndex } from './prefixIndex';
import { searchStem, sharesStart, wordWeight } from './words';

/** A string of the index that shares words with a description, and how well. */
export interface WordMatch {
  /** The string's id: its position in the list the index was built from. */
  readonly id: number;
  /**
   * 0 when the string and the description have the same words (give or take function words),
   * towards 1 as either has more words the other lacks: 1 − (share of the description's weight
   * matched) × (share of the string's weight matched).
   */
  readonly score: number;
  /** Every weighed word of each side is a word of the other, stem for stem (`heart fluttering` ~ `fluttering heart`). */
  readonly sameWords: boolean;
}

/**
 * A word in the description that shares its start with a word of the string but is not the same
 * stem (`suicide` ~ `suicidal`, `hungry` ~ `hunger`) counts this much of its weight.
 */
const RELATED_CREDIT = 0.7;
/** A description matches a string only when at least this share of its weight is matched. */
const MIN_COVERAGE = 0.5;
/** At most this many related words per word of the description: a bound on a query's work. */
const MAX_RELATED = 12;
/** At most this many distinct weighed words of a description count: it is a description, not a paragraph. */
const MAX_QUERY_WORDS = 12;
/**
 * At most this many strings are scored per query, those with the description's rarest words
 * first (and among them the lowest ids): bounds a query's cost at any size of knowledge base.
 */
const MAX_CANDIDATES = 600;

/** One weighed word of a description. */
interface QueryWord {
  readonly stem: string;
  readonly weight: number;
}

/**
 * Look-up by description: matches a query word by word against the strings of the index (the
 * surface forms of the knowledge base), so that `feeling very tired` finds the form `tired` and
 * `yellow skin and eyes` finds `yellow skin`, where a character-level fuzzy match of the whole
 * query finds whatever shares the most letters. Words are compared by {@link searchStem} and
 * weighed by {@link wordWeight}: function words not at all, framing words (`feeling`, `trouble`)
 * a little. Complements the fuzzy search, which forgives misspellings; this forgives extra words.
 */
export class WordIndex {
  /** stem → word id. */
  readonly #ids = new Map<string, number>();
  /** word id → stem. */
  readonly #stems: string[] = [];
  /** Every stem, for the words that share a start with a query word. */
  readonly #byPrefix: PrefixIndex;
  /** word id → ids of the strings containing it, ascending. */
  readonly #postings: number[][] = [];
  /**
   * The distinct weighed words of string `id` are `#wordIds[#starts[id]]` up to
   * `#wordIds[#starts[id + 1]]`, their weights at the same places of `#wordWeights`: flat
   * arrays, so that a knowledge base of 100,000 forms is indexed without an array per form.
   */
  readonly #starts: Uint32Array;
  readonly #wordIds: Uint32Array;
  readonly #wordWeights: Float32Array;
  /** string id → the sum of its words' weights. */
  readonly #totals: Float64Array;

  /** @param texts the strings, in search form (lower case, single spaces); a string's id is its position. */
  constructor(texts: readonly string[]) {
    this.#starts = new Uint32Array(texts.length + 1);
    this.#totals = new Float64Array(texts.length);
    const wordIds: number[] = [];
    const wordWeights: number[] = [];
    // Forms repeat their words (`syndrome`, `of`): each word is stemmed and weighed once.
    const known = new Map<string, QueryWord>();
    texts.forEach((text, id) => {
      this.#starts[id] = wordIds.length;
      for (const { stem, weight } of weighedWords(text, known)) {
        let word = this.#ids.get(stem);
        if (word === undefined) {
          word = this.#stems.length;
          this.#ids.set(stem, word);
          this.#stems.push(stem);
          this.#postings.push([]);
        }
        this.#postings[word].push(id);
        wordIds.push(word);
        wordWeights.push(weight);
        this.#totals[id] += weight;
      }
    });
    this.#starts[texts.length] = wordIds.length;
    this.#wordIds = Uint32Array.from(wordIds);
    this.#wordWeights = Float32Array.from(wordWeights);
    this.#byPrefix = new PrefixIndex(this.#stems.map((stem, word) => [stem, word] as const));
  }

  /**
   * The strings that share at least half the weight of `query` (in search form), each with its
   * {@link WordMatch.score}, in no particular order. Nothing for a query of function words only.
   * Scores at most {@link MAX_CANDIDATES} strings, those holding the query's rarest words.
   */
  match(query: string): WordMatch[] {
    const wanted = weighedWords(query).slice(0, MAX_QUERY_WORDS);
    const total = wanted.reduce((sum, w) => sum + w.weight, 0);
    if (total === 0) return [];
    // word id → for each query word it stands for, the credit it earns.
    const credits = new Map<number, { at: number; credit: number }[]>();
    const credit = (word: number, at: number, value: number) => {
      const list = credits.get(word);
      if (list) list.push({ at, credit: value });
      else credits.set(word, [{ at, credit: value }]);
    };
    wanted.forEach(({ stem }, at) => {
      const same = this.#ids.get(stem);
      if (same !== undefined) credit(same, at, 1);
      if (stem.length < 4) return;
      // Every stem sharing a start with this one begins with its first two thirds (four letters at least).
      for (const word of this.#byPrefix.find(stem.slice(0, Math.max(4, Math.ceil((stem.length * 2) / 3))), MAX_RELATED)) {
        if (word !== same && sharesStart(stem, this.#stems[word])) credit(word, at, RELATED_CREDIT);
      }
    });
    const matches: WordMatch[] = [];
    for (const id of this.#candidates([...credits.keys()])) {
      const got = new Float64Array(wanted.length);
      let matchedOwn = 0;
      let exact = true;
      for (let k = this.#starts[id]; k < this.#starts[id + 1]; k++) {
        const list = credits.get(this.#wordIds[k]);
        if (!list) {
          exact = false;
          continue;
        }
        let best = 0;
        for (const { at, credit: value } of list) {
          got[at] = Math.max(got[at], value);
          best = Math.max(best, value);
        }
        if (best < 1) exact = false;
        matchedOwn += this.#wordWeights[k] * best;
      }
      let matchedWanted = 0;
      got.forEach((value, at) => {
        if (value < 1) exact = false;
        matchedWanted += value * wanted[at].weight;
      });
      const coverage = matchedWanted / total;
      if (coverage < MIN_COVERAGE) continue;
      const score = 1 - coverage * (matchedOwn / this.#totals[id]);
      matches.push({ id, score: Math.max(0, score), sameWords: exact });
    }
    return matches;
  }

  /** The ids of strings holding any of `words`, rarest words first, at most {@link MAX_CANDIDATES}. */
  #candidates(words: number[]): Set<number> {
    const picked = new Set<number>();
    const lists = words.map((w) => this.#postings[w]).sort((a, b) => a.length - b.length);
    for (const ids of lists) {
      for (let i = 0; i < ids.length && picked.size < MAX_CANDIDATES; i++) picked.add(ids[i]);
      if (picked.size >= MAX_CANDIDATES) break;
    }
    return picked;
  }
}

/**
 * The distinct stems of a search-form text with their weights; words that weigh nothing are left
 * out. `known` remembers the stem and weight of each word seen, across calls.
 */
function weighedWords(text: string, known = new Map<string, QueryWord>()): QueryWord[] {
  const out: QueryWord[] = [];
  const seen = new Set<string>();
  for (const word of text.split(' ')) {
    let found = known.get(word);
    if (!found) known.set(word, (found = { stem: searchStem(word), weight: wordWeight(word) }));
    const { stem, weight } = found;
    if (weight === 0 || !stem || seen.has(stem)) continue;
    seen.add(stem);
    out.push({ stem, weight });
  }
  return out;
}
