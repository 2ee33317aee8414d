import type { Entry } from '../kb/types';
import type { Span } from '../text';
import { forEachWord, tokenKey, wordKeys } from './normalize';

/**
 * A recognised term in a text: where it is (the text as written is `text.slice(start, end)`,
 * e.g. `Sjogren's` — not kept here, since a slice would keep the whole text of that version
 * alive for as long as the hit is reused) and what it names.
 */
export interface TermHit extends Span {
  /** The entry the term names. */
  readonly entryId: string;
  /** Which field of the entry the form written is: its name, an abbreviation, a synonym or a lay term. */
  readonly field: SurfaceField;
  /** Other entries with the same surface form, best first (usually empty). */
  readonly alternatives: readonly string[];
  /** An abbreviation that is also an everyday word: it counts because the text names its entry elsewhere. */
  readonly contextual: boolean;
}

/** Which field of an entry a surface form comes from, in order of precedence. */
export type SurfaceField = 'name' | 'abbreviation' | 'synonym' | 'layTerm';
const PRECEDENCE: Record<SurfaceField, number> = { name: 0, abbreviation: 1, synonym: 2, layTerm: 3 };

/**
 * What a term key leads to: the entry, the field, and for abbreviations the only casing that
 * counts (`MS`) and whether it is contextual (an everyday word that needs the entry spelled
 * out elsewhere in the text). A tuple, so that the index is plain JSON data.
 */
type Target = readonly [entryId: string, field: SurfaceField, exact?: string, contextual?: 1];

/**
 * A term index as plain data: each term's key (its word keys joined by spaces, see
 * `termKey`) with its targets, best first; and the keys that longer terms start with.
 * `npm run build:kb` writes the bundled knowledge base's index in this form, so the extension
 * loads it with `JSON.parse`, ready to use, instead of normalising every name, synonym and lay
 * term at start-up. Pairs in an array, not an object, because that parses several times
 * faster and is exactly what a `Map` is made from.
 */
export interface TermIndexData {
  readonly terms: readonly (readonly [key: string, targets: readonly Target[]])[];
  readonly prefixes: readonly string[];
}

// Between the words of one term only spaces, one line break or one hyphen may stand:
// "carpal tunnel", "carpal-tunnel", "carpal\ntunnel" — not "carpal, tunnel".
const JOINER = /^[ \t]*(?:\r?\n|[-‐‑])?[ \t]*$/;

/**
 * The index that finds where knowledge-base terms occur in a text: a map from term keys to
 * entries, plus the set of keys that longer terms start with, so a scan costs a few look-ups
 * per word whatever the size of the knowledge base, and the longest term wins
 * (`peripheral neuropathy` before `neuropathy`). Built once per knowledge-base version.
 */
export class TermIndex {
  /** Term key → targets. */
  readonly #terms: ReadonlyMap<string, readonly Target[]>;
  /** Keys that are the first words of a longer term: `peripheral` for `peripheral neuropathy`. */
  readonly #prefixes: ReadonlySet<string>;
  readonly #data: () => TermIndexData;
  /** Words as written → what the index knows of them; see {@link #word}. */
  readonly #wordCache = new Map<string, Word>();
  // A scan's words, in arrays reused from call to call: a 100 KB page has ~15,000 words, and
  // an object per word would cost more in allocation and garbage collection than the look-ups.
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];
  readonly #wordsRead: Word[] = [];
  /** Where the last match of {@link #longestAt} ended: the index of its last word. */
  #matchLast = 0;

  /**
   * @param entries the knowledge base.
   * @param contextualAbbreviations abbreviations that are also everyday words; they count only in
   *   a text that also names their entry in an unambiguous form.
   */
  static fromEntries(entries: readonly Entry[], contextualAbbreviations: Iterable<string> = []): TermIndex {
    const contextual = new Set(contextualAbbreviations);
    const terms = new Map<string, Target[]>();
    const add = (surface: string, target: Target) => {
      const keys = wordKeys(surface);
      if (keys.length > 0) addTarget(terms, keys.join(' '), target);
      // "X-ray" is also written "xray": index the hyphen-joined form as one word too.
      if (keys.length > 1 && !target[2] && /[-‐‑]/.test(surface)) addTarget(terms, wordKeys(surface.replace(/[-‐‑]/g, '')).join(' '), target);
    };
    for (const entry of entries) {
      add(entry.name, [entry.id, 'name']);
      for (const s of entry.synonyms ?? []) add(s, [entry.id, 'synonym']);
      for (const s of entry.layTerms ?? []) add(s, [entry.id, 'layTerm']);
      for (const a of entry.abbreviations ?? []) add(a, contextual.has(a) ? [entry.id, 'abbreviation', a, 1] : [entry.id, 'abbreviation', a]);
    }
    for (const targets of terms.values()) targets.sort((a, b) => PRECEDENCE[a[1]] - PRECEDENCE[b[1]]);
    const prefixes = new Set<string>();
    for (const key of terms.keys()) {
      for (let space = key.indexOf(' '); space !== -1; space = key.indexOf(' ', space + 1)) prefixes.add(key.slice(0, space));
    }
    return new TermIndex(terms, prefixes, () => ({
      terms: [...terms].sort(([a], [b]) => compare(a, b)),
      prefixes: [...prefixes].sort(compare),
    }));
  }

  /** An index from the data {@link TermIndex.toData} made, for the same knowledge base. */
  static fromData(data: TermIndexData): TermIndex {
    return new TermIndex(new Map(data.terms), new Set(data.prefixes), () => data);
  }

  private constructor(terms: ReadonlyMap<string, readonly Target[]>, prefixes: ReadonlySet<string>, data: () => TermIndexData) {
    this.#terms = terms;
    this.#prefixes = prefixes;
    this.#data = data;
  }

  /** The index as plain data, keys sorted so that the output is stable. */
  toData(): TermIndexData {
    return this.#data();
  }

  /**
   * Every term in `text`, left to right, longest match first, never overlapping.
   * @param prose the spans to look in (see `proseSpans`); the whole text when omitted.
   */
  findTerms(text: string, prose: readonly Span[] = [{ start: 0, end: text.length }]): readonly TermHit[] {
    return confirmContextual(this.scan(text, prose));
  }

  /**
   * What {@link findTerms} finds, plus contextual abbreviations not yet confirmed (marked
   * `contextual`), which count only once the whole text is known (see {@link confirmContextual}).
   * Each span is read on its own, so the hits of an unchanged span can be reused.
   */
  scan(text: string, prose: readonly Span[]): TermHit[] {
    const hits: TermHit[] = [];
    for (const span of prose) {
      const count = this.#readWords(text, span.start, span.end);
      for (let i = 0; i < count; ) {
        const targets = this.#longestAt(text, i, count);
        if (!targets) {
          i += 1;
          continue;
        }
        const last = this.#matchLast;
        const [entryId, field, , contextual] = targets[0];
        const start = this.#starts[i];
        const end = this.#ends[last];
        hits.push({ start, end, entryId, field, alternatives: alternativesTo(entryId, targets), contextual: contextual === 1 });
        i = last + 1;
      }
    }
    return hits;
  }

  /** Entry ids whose name, synonym, lay term or abbreviation is exactly `term` (normalised), best first. */
  lookup(term: string): string[] {
    const count = this.#readWords(term, 0, term.length);
    const targets = count > 0 ? this.#longestAt(term, 0, count) : undefined;
    if (!targets || this.#matchLast !== count - 1) return [];
    return [...new Set(targets.map(([id]) => id))];
  }

  /** Reads the words of `text[from, to)` into the scan arrays; returns how many there are. */
  #readWords(text: string, from: number, to: number): number {
    let count = 0;
    forEachWord(text, from, to, (start, end, raw) => {
      this.#starts[count] = start;
      this.#ends[count] = end;
      this.#wordsRead[count] = this.#word(raw);
      count += 1;
    });
    return count;
  }

  /**
   * What the index knows of a word as written: its key, the terms it is on its own, and whether
   * longer terms start with it. Cached, because prose repeats its words: a scan then costs one
   * Map look-up for most words. Cleared when full, so a huge or hostile document cannot grow it
   * without bound.
   */
  #word(raw: string): Word {
    let word = this.#wordCache.get(raw);
    if (word === undefined) {
      if (this.#wordCache.size >= WORD_CACHE_SIZE) this.#wordCache.clear();
      const key = tokenKey(raw);
      word = { key, targets: this.#terms.get(key), startsLonger: this.#prefixes.has(key) };
      this.#wordCache.set(raw, word);
    }
    return word;
  }

  /**
   * The targets of the longest term starting at word `i` (of `count` read) that accept the text
   * as written, with its last word in {@link #matchLast}; `undefined` when no term starts there.
   */
  #longestAt(text: string, i: number, count: number): readonly Target[] | undefined {
    const first = this.#wordsRead[i];
    let best: readonly Target[] | undefined;
    let key = first.key;
    for (let j = i; j < count; j++) {
      if (j > i) {
        if (!joined(text, this.#ends[j - 1], this.#starts[j])) break;
        key = `${key} ${this.#wordsRead[j].key}`;
      }
      const found = j === i ? first.targets : this.#terms.get(key);
      if (found) {
        const targets = found.some(([, , exact]) => exact) ? found.filter(([, , exact]) => !exact || abbreviationFits(exact, text.slice(this.#starts[i], this.#ends[j]), text, this.#starts[i])) : found;
        if (targets.length > 0) {
          best = targets;
          this.#matchLast = j;
        }
      }
      if (!(j === i ? first.startsLonger : this.#prefixes.has(key))) break;
    }
    return best;
  }
}

/** What a term index knows of one word as written (see `TermIndex.#word`). */
interface Word {
  readonly key: string;
  readonly targets: readonly Target[] | undefined;
  readonly startsLonger: boolean;
}

const WORD_CACHE_SIZE = 50_000;

/**
 * The hits of a {@link TermIndex.scan} that count: all but the contextual abbreviations whose
 * entry the text does not also name in another form ("ALL" counts in a text about acute
 * lymphoblastic leukemia, not in "ALL of us").
 */
export function confirmContextual(hits: readonly TermHit[]): readonly TermHit[] {
  if (!hits.some((hit) => hit.contextual)) return hits;
  const named = new Set<string>();
  for (const hit of hits) if (!hit.contextual) named.add(hit.entryId);
  return hits.filter((hit) => !hit.contextual || named.has(hit.entryId));
}

/** `hit`, moved by `delta` characters: where an edit before it left it. */
export function shiftHit(hit: TermHit, delta: number): TermHit {
  // Spelled out rather than spread, and every hit of one shape: a 1 MB document shifts ~20,000 hits per edit.
  const { start, end, entryId, field, alternatives, contextual } = hit;
  return { start: start + delta, end: end + delta, entryId, field, alternatives, contextual };
}
const NONE: readonly string[] = [];

/** The other entries a matched form could name, best first; usually none. */
function alternativesTo(entryId: string, targets: readonly Target[]): readonly string[] {
  return targets.length === 1 ? NONE : targets.slice(1).map(([id]) => id).filter((id) => id !== entryId);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Adds a target under a key, once per entry and casing. */
function addTarget(terms: Map<string, Target[]>, key: string, target: Target): void {
  const targets = terms.get(key);
  if (!targets) terms.set(key, [target]);
  else if (!targets.some(([id, , exact]) => id === target[0] && exact === target[2])) targets.push(target);
}

/** Whether `text[from, to)` may stand between two words of one term; a single space, by far the commonest, without a regex. */
function joined(text: string, from: number, to: number): boolean {
  return (to - from === 1 && text.charCodeAt(from) === 32) || JOINER.test(text.slice(from, to));
}

/**
 * The hit that contains `offset`, or `undefined`: a binary search over hits sorted by start and
 * not overlapping (as {@link TermIndex.findTerms} returns them), so hover on a cached scan costs
 * O(log hits). An offset just after a hit counts, as in VS Code's word ranges.
 */
export function hitAt<T extends Span>(hits: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = hits.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid].end < offset) lo = mid + 1;
    else if (hits[mid].start > offset) hi = mid - 1;
    else return hits[mid];
  }
  return undefined;
}

/**
 * Whether `written` is the abbreviation `exact` as it should count: the same casing (a plural
 * `s` or possessive allowed: "UTIs", "MS's"), and not inside an all-capitals line such as
 * "MS AND YOU", where casing says nothing.
 */
function abbreviationFits(exact: string, written: string, text: string, at: number): boolean {
  const bare = written.replace(/['’]s?$/, '');
  if (bare !== exact && bare !== `${exact}s`) return false;
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const shouting = !/\p{Ll}/u.test(line) && (line.match(/\p{L}{2,}/gu) ?? []).length >= 3;
  return !shouting;
}
