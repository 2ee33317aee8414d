import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import type { Entry, EntryCodes, EntryKind } from '../kb/types';
import type { TermHit } from '../match/termIndex';
import { writtenName } from '../kb/writtenName';
import { searchForm } from '../match/normalize';
import { NgramIndex } from './ngramIndex';
import { PrefixIndex } from './prefixIndex';
import { WordIndex } from './wordIndex';
import { finish, type Sliced } from '../slices';

/** One ranked answer to a query. */
export interface SearchResult {
  readonly id: string;
  /** The entry's name as the knowledge base has it (an HPO label verbatim: `Paranoia`). */
  readonly name: string;
  /** The name as running text and lists write it (`paranoia`; see `writtenName`). */
  readonly writtenName: string;
  readonly kind: EntryKind;
  /**
   * 0 is a perfect match, 1 no match at all: the Fuse.js score of the entry's best form plus
   * the ranking penalties below (capped at 1).
   */
  readonly score: number;
  /** The surface form that matched best, e.g. the lay term `pins and needles`; the name when unknown. */
  readonly matched: string;
  /** Which field of the entry {@link matched} is; absent when the query matched a code or nothing in particular. */
  readonly matchedField?: FormField;
}

/** Which field of an entry a surface form comes from. */
export type FormField = 'name' | 'abbreviation' | 'synonym' | 'layTerm';

/** What Fuse indexes: one surface form of one entry, in search form. */
interface FormRecord {
  /** The form in search form (`sjogrens syndrome`). */
  readonly text: string;
  /** The form as written (`Sjögren's syndrome`), reported as what matched. */
  readonly written: string;
  readonly field: FormField;
  /** Index of the entry in the knowledge base. */
  readonly entry: number;
}

/**
 * The Fuse.js options, in one place. Fuse scores each surface form (name, abbreviation,
 * synonym, lay term) on its own: over an entry's fields at once it multiplies the scores of
 * every matching form, so an obscure entry with six look-alike synonyms would outrank the
 * common entry whose name matches. `ignoreLocation` because a writer may type an inner word
 * (`tunnel`); threshold 0.4 lets two slips in a five-letter word (`rhuem`) through.
 */
export const FUSE_OPTIONS: IFuseOptions<FormRecord> = {
  keys: ['text'],
  threshold: 0.4,
  ignoreLocation: true,
  includeScore: true,
  minMatchCharLength: 2,
};

/**
 * Added to a form's Fuse score to rank entries: the preferred name and abbreviations before
 * other names; and an entry the team has written a definition for — the common terms patient
 * education uses — before one that only the ontologies know. Small enough that a clearly better
 * match still wins.
 */
const FIELD_PENALTY: Record<FormField, number> = { name: 0, abbreviation: 0, synonym: 0.03, layTerm: 0.03 };
const UNDEFINED_PENALTY = 0.05;
/**
 * Added to a form that is not exactly the query: "shingles" is the lay term of herpes zoster
 * before it is the start of "shingles vaccine", though Fuse.js scores both as perfect matches.
 */
const INEXACT_PENALTY = 0.04;
/**
 * Added to a form that does not start as the query does: with Fuse.js ignoring where a match
 * lies, `rheum` would tie "polymyalgia rheumatica" with "rheumatoid arthritis"; a writer typing
 * the start of a term means the term that starts so. Small: it only breaks near-ties.
 */
const INNER_MATCH_PENALTY = 0.01;
/** Added to matches of a query whose swapped letters were put back: it is not what was typed. */
const TRANSPOSITION_PENALTY = 0.1;

/** Code fields a query may name exactly (`G35`, `D009103`, `HP:0003401`). */
const CODE_FIELDS: readonly (keyof EntryCodes)[] = ['icd10cm', 'mesh', 'hpo', 'mondo', 'doid', 'symp'];

/**
 * How many surface forms each tier proposes, and how many entries Fuse.js then scores. Fuse's
 * cost is linear in what it scores (≈1 µs per form), so these bound a query's cost whatever
 * the size of the knowledge base; they are set so that top-5 recall at 50,000 entries is no
 * worse than Fuse over everything (see `npm run bench`).
 */
const PREFIX_CANDIDATES = 64;
const NGRAM_CANDIDATES = 320;
const MAX_CANDIDATES = 320;
/**
 * When the candidates give fewer than {@link FEW} entries — a misspelling whose telling pairs
 * are all common ones (`iuis at` for `iris atrophy`) — the prefilter is asked again, counting
 * every pair: a millisecond or two more, only for the rare query that needs it.
 */
const FEW = 5;

/** How a {@link TermSearch} finds what Fuse.js scores. */
export interface TermSearchOptions {
  /**
   * Score every entry with Fuse.js, skipping the prefix index and the prefilter. Slow on a
   * large knowledge base; it is the reference the benchmark and the tests compare against.
   */
  readonly exhaustive?: boolean;
  /**
   * The entry that the term scan (hover) finds for the whole query, if any: see
   * {@link wholeTerm}. That entry ranks first, with score 0, so look-up and hover agree on
   * what a phrase names — a form in any casing or plural, or patient phrasing the scan
   * recognises by pattern (`abnormal sensations`, `trouble walking`). Asked only of queries of
   * at most {@link MAX_QUERY_LENGTH} characters.
   */
  readonly recognise?: (query: string) => string | undefined;
}

/**
 * The entry of the one term hit that spans all of `text` but for surrounding spaces and
 * punctuation (`pins and needles`, ` Tingling. `), or `undefined` when the hits cover less or
 * more than one term, or the one hit is an abbreviation that counts only in context.
 */
export function wholeTerm(hits: readonly TermHit[], text: string): string | undefined {
  if (hits.length !== 1 || hits[0].contextual) return undefined;
  const words = /[\p{L}\p{N}][^]*[\p{L}\p{N}]|[\p{L}\p{N}]/u.exec(text);
  return words && hits[0].start <= words.index && hits[0].end >= words.index + words[0].length ? hits[0].entryId : undefined;
}

/**
 * A query is searched for by its first words, up to this many characters of its search form:
 * over twice the longest surface form of the bundled knowledge base (82), so no query that could
 * name a term is cut. A bound on a query's cost, which grows with its length (Fuse.js scores it
 * 32 characters at a time, and the swapped-letters fix tries each pair of a long word): a pasted
 * paragraph of 16 KB took 10 s. Callers that show the query can say so when it is longer.
 */
export const MAX_QUERY_LENGTH = 200;

/** The number of entries every ranking is computed for, whatever the limit asked (see `#rankEntries`). */
const RANKING_DEPTH = 20;

/**
 * Fuzzy search over the knowledge base for completion and the look-up palette: exact codes
 * first, then Fuse.js over names, synonyms, lay terms and abbreviations. Fuse.js scores only
 * candidates — forms that start with the query (a prefix index) and forms that share the most
 * character pairs with it (an n-gram prefilter) — so a query costs a few milliseconds at
 * 50,000 entries instead of a few hundred. Scores are Fuse.js scores either way. The indexes are
 * built once, in the constructor or by {@link TermSearch.build}: build one `TermSearch` per
 * knowledge-base version.
 */
export class TermSearch {
  readonly #entries: readonly Entry[];
  readonly #forms: readonly FormRecord[];
  /** Fuse.js's own index of every form, built once; a query scores a subset of it. */
  readonly #fuseIndex: FuseIndex<FormRecord>;
  readonly #byCode = new Map<string, Entry[]>();
  /** Absent when exhaustive. */
  readonly #tiers?: Tiers;
  /** Look-up by description, word by word: built in either mode, as it is no prefilter. */
  readonly #words: WordIndex;
  readonly #recognise?: (query: string) => string | undefined;
  readonly #indexOf = new Map<string, number>();

  /**
   * Builds the indexes at once. `indexes` is for {@link TermSearch.build}, which computes them
   * in steps; leave it out.
   */
  constructor(entries: readonly Entry[], options: TermSearchOptions = {}, indexes: SearchIndexes = finish(searchIndexes(entries, options))) {
    this.#entries = entries;
    ({ forms: this.#forms, fuseIndex: this.#fuseIndex, tiers: this.#tiers, words: this.#words } = indexes);
    this.#recognise = options.recognise;
    entries.forEach((e, i) => this.#indexOf.set(e.id, i));
    for (const entry of entries) {
      for (const field of CODE_FIELDS) {
        const code = entry.codes?.[field];
        if (code) pushTo(this.#byCode, code.toUpperCase(), entry);
      }
    }
  }

  /**
   * The same search, built in steps that pause between its indexes (see `inSlices`): in the
   * browser's web worker the whole build holds the extension host for about half a second,
   * each step for a fifth of that or less.
   */
  static *build(entries: readonly Entry[], options: TermSearchOptions = {}): Sliced<TermSearch> {
    return new TermSearch(entries, options, yield* searchIndexes(entries, options));
  }

  /** Entries with exactly this code, and for an ICD-10-CM category (`G56`) those of its subcodes. */
  *#codeMatches(code: string): Generator<[string, Entry]> {
    for (const entry of this.#byCode.get(code) ?? []) yield [code, entry];
    if (!/^[A-Z]\d[\dA-Z]$/.test(code)) return;
    for (const [key, entries] of this.#byCode) {
      if (key.startsWith(`${code}.`)) for (const entry of entries) yield [key, entry];
    }
  }

  /**
   * Entries for `query`, best first. A query that is exactly a code (case-insensitive; an
   * ICD-10-CM category also finds its subcodes: `G56` → `G56.0`) ranks those entries first
   * with score 0. An empty query has no results. Only the first {@link MAX_QUERY_LENGTH}
   * characters of its search form are searched for.
   */
  search(query: string, limit = 20): SearchResult[] {
    const results: SearchResult[] = [];
    const seen = new Set<string>();
    const add = (r: SearchResult) => {
      if (seen.has(r.id) || results.length >= limit) return;
      seen.add(r.id);
      results.push(r);
    };
    const code = query.trim().toUpperCase();
    for (const [entryCode, entry] of this.#codeMatches(code)) {
      add({ id: entry.id, name: entry.name, writtenName: writtenName(entry), kind: entry.kind, score: 0, matched: entryCode });
    }
    const form = firstWords(searchForm(query), MAX_QUERY_LENGTH);
    if (form.length === 0) return results;
    // Ranked to the same depth whatever the limit, so a smaller limit is a prefix of a larger one.
    const depth = Math.max(limit, RANKING_DEPTH);
    let ranked = this.#rankEntries(form, depth, 0);
    if (ranked.length < FEW && this.#tiers) ranked = this.#rankEntries(form, depth, 0, true);
    const fixed = this.#fixTransposition(form);
    if (fixed) ranked.push(...this.#rankEntries(fixed, depth, TRANSPOSITION_PENALTY));
    ranked.push(...this.#rankByWords(form, depth));
    ranked.sort((a, b) => a.score - b.score);
    const whole = this.#recognised(query, ranked);
    if (whole) add(whole);
    for (const r of ranked) add(r);
    return results;
  }

  /**
   * The result for the entry the term scan finds for the whole query ({@link TermSearchOptions.recognise}),
   * with score 0 and what it matched by the ranking when the ranking has it, else the query itself.
   */
  #recognised(query: string, ranked: readonly SearchResult[]): SearchResult | undefined {
    const id = this.#recognise && query.length <= MAX_QUERY_LENGTH ? this.#recognise(query) : undefined;
    const index = id === undefined ? undefined : this.#indexOf.get(id);
    if (index === undefined) return undefined;
    const entry = this.#entries[index];
    const best = ranked.find((r) => r.id === id);
    return { id: entry.id, name: entry.name, writtenName: writtenName(entry), kind: entry.kind, score: 0, matched: best?.matched ?? query.trim(), matchedField: best?.matchedField };
  }

  /**
   * The query with one pair of swapped letters put back (`rhuem` → `rheum`), or `undefined`.
   * Fuse.js's Bitap counts a swap as two errors, too many for a short word, so a word that
   * starts no word of the knowledge base is tried with each adjacent pair swapped, and the
   * first spelling that does start one is taken. A few binary searches in the prefix index.
   */
  #fixTransposition(form: string): string | undefined {
    const prefix = this.#tiers?.prefix;
    if (!prefix) return undefined;
    const words = form.split(' ');
    for (const [i, word] of words.entries()) {
      if (word.length < 4 || prefix.find(word, 1).length > 0) continue;
      for (let j = 0; j + 1 < word.length; j++) {
        const swapped = word.slice(0, j) + word[j + 1] + word[j] + word.slice(j + 2);
        if (prefix.find(swapped, 1).length > 0) return [...words.slice(0, i), swapped, ...words.slice(i + 1)].join(' ');
      }
    }
    return undefined;
  }

  /**
   * Entries ranked by their best form as Fuse.js scores it, plus `extraPenalty` and the form's
   * {@link TermSearch.#penalty} (capped at 1). Ties keep entry order.
   */
  #rankEntries(form: string, limit: number, extraPenalty: number, everyPair = false): SearchResult[] {
    // An entry may match through several forms: ask for enough forms to fill the limit with entries.
    const hits = this.#fuseOver(form, everyPair).search(form, { limit: limit * 4 });
    return this.#bestPerEntry(
      hits.map((hit) => ({ form: hit.item, score: (hit.score ?? 1) + extraPenalty + this.#penalty(hit.item, form, hit.item.text === form) })),
      limit,
    );
  }

  /**
   * Entries ranked by their best form matched word by word ({@link WordIndex}): a description
   * (`feeling very tired`, `yellow skin and eyes`) finds the forms that carry its words, however
   * many framing and function words surround them. A form with the same words as the query is
   * as good as the query itself (no {@link INEXACT_PENALTY}); the other penalties are as for Fuse.
   */
  #rankByWords(form: string, limit: number): SearchResult[] {
    const matches = this.#words.match(form).map((m) => {
      const record = this.#forms[m.id];
      return { form: record, score: m.score + this.#penalty(record, form, m.sameWords) };
    });
    return this.#bestPerEntry(matches, limit);
  }

  /**
   * What is added to a form's match score to rank entries: the form's field penalty,
   * {@link INEXACT_PENALTY} unless it is the query itself, {@link INNER_MATCH_PENALTY} unless
   * it starts as the query does and, for an entry without a definition, {@link UNDEFINED_PENALTY}.
   */
  #penalty(record: FormRecord, form: string, exact: boolean): number {
    return (
      FIELD_PENALTY[record.field] +
      (this.#entries[record.entry].definition ? 0 : UNDEFINED_PENALTY) +
      (exact ? 0 : INEXACT_PENALTY) +
      (record.text.startsWith(form.slice(0, 2)) ? 0 : INNER_MATCH_PENALTY)
    );
  }

  /** The `limit` best entries of scored forms, each by its best form (score capped at 1); ties keep entry order. */
  #bestPerEntry(scored: readonly { form: FormRecord; score: number }[], limit: number): SearchResult[] {
    const best = new Map<number, { score: number; form: FormRecord }>();
    for (const { form, score } of scored) {
      const capped = Math.min(1, score);
      const seen = best.get(form.entry);
      if (!seen || capped < seen.score) best.set(form.entry, { score: capped, form });
    }
    return [...best]
      .sort(([a, x], [b, y]) => x.score - y.score || a - b)
      .slice(0, limit)
      .map(([index, { score, form }]) => {
        const entry = this.#entries[index];
        return { id: entry.id, name: entry.name, writtenName: writtenName(entry), kind: entry.kind, score: roundScore(score), matched: form.written, matchedField: form.field };
      });
  }

  /**
   * A Fuse.js instance over the candidate forms for `form`: their records from the prebuilt
   * index, so nothing is re-indexed per query.
   */
  #fuseOver(form: string, everyPair: boolean): Fuse<FormRecord> {
    if (!this.#tiers) return new Fuse(this.#forms, FUSE_OPTIONS, this.#fuseIndex);
    const { prefix, ngrams } = this.#tiers;
    const picked = new Set<number>();
    // Prefix hits first: a short query shares pairs with thousands of forms, and the forms it
    // starts are the ones Fuse ranks best.
    for (const id of [...prefix.find(form, PREFIX_CANDIDATES), ...ngrams.candidates(form, NGRAM_CANDIDATES, everyPair)]) {
      if (picked.size >= MAX_CANDIDATES) break;
      picked.add(id);
    }
    const all = this.#fuseIndex.records;
    const records = [...picked].sort((a, b) => a - b).map((i) => all[i]);
    return new Fuse(this.#forms, FUSE_OPTIONS, Fuse.parseIndex<FormRecord>({ keys: this.#fuseIndex.keys, records }));
  }
}

/** What a {@link TermSearch} looks in, built before it. */
interface SearchIndexes {
  readonly forms: readonly FormRecord[];
  readonly fuseIndex: FuseIndex<FormRecord>;
  /** Absent when exhaustive. */
  readonly tiers?: Tiers;
  readonly words: WordIndex;
}

/** Builds the search's indexes one after the other, pausing between them. */
function* searchIndexes(entries: readonly Entry[], options: TermSearchOptions): Sliced<SearchIndexes> {
  const forms = formsOf(entries);
  yield;
  const fuseIndex = Fuse.createIndex(FUSE_OPTIONS.keys ?? [], forms);
  yield;
  let tiers: Tiers | undefined;
  if (!options.exhaustive) {
    tiers = yield* buildTiers(forms);
    yield;
  }
  return { forms, fuseIndex, tiers, words: new WordIndex(forms.map((f) => f.text)) };
}

/** The candidate tiers over the form ids (positions in the form list). */
interface Tiers {
  readonly prefix: PrefixIndex;
  readonly ngrams: NgramIndex;
}

/**
 * The two candidate tiers over every form. The prefix index also holds each word start
 * (`tunnel syndrome`, `syndrome`), for inner words.
 */
function* buildTiers(forms: readonly FormRecord[]): Sliced<Tiers> {
  const wordStarts: [string, number][] = [];
  // A search form has single spaces between words and none at either end.
  forms.forEach(({ text }, id) => {
    let at = 0;
    do {
      wordStarts.push([text.slice(at), id]);
      at = text.indexOf(' ', at) + 1;
    } while (at > 0);
  });
  const prefix = new PrefixIndex(wordStarts);
  yield;
  return { prefix, ngrams: new NgramIndex(forms.map((f) => f.text)) };
}

/**
 * Every entry's distinct forms, shortest first: the candidate tiers prefer lower ids, and
 * Fuse ranks a match in a short form higher.
 */
function formsOf(entries: readonly Entry[]): FormRecord[] {
  const forms: FormRecord[] = [];
  entries.forEach((e, entry) => {
    const seen = new Set<string>();
    const add = (written: string, field: FormField) => {
      const text = searchForm(written);
      if (text && !seen.has(text)) forms.push({ text, written, field, entry });
      seen.add(text);
    };
    add(e.name, 'name');
    for (const a of e.abbreviations ?? []) add(a, 'abbreviation');
    for (const s of e.synonyms ?? []) add(s, 'synonym');
    for (const l of e.layTerms ?? []) add(l, 'layTerm');
  });
  // A stable sort keeps entry order among forms of one length.
  return forms.sort((a, b) => a.text.length - b.text.length);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `form` (a search form: words between single spaces) cut to at most `max` characters, at a space when there is one. */
function firstWords(form: string, max: number): string {
  if (form.length <= max) return form;
  const space = form.lastIndexOf(' ', max);
  return space > 0 ? form.slice(0, space) : form.slice(0, max);
}

/** Scores rounded to 4 places: stable JSON output, no false precision. */
function roundScore(score: number): number {
  return Math.round(score * 1e4) / 1e4;
}
