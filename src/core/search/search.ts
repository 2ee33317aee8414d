import Fuse, { type FuseResultMatch, type IFuseOptions } from 'fuse.js';
import type { Entry, EntryCodes, EntryKind } from '../kb/types';
import { searchForm } from '../match/normalize';

/** One ranked answer to a query. */
export interface SearchResult {
  readonly id: string;
  readonly name: string;
  readonly kind: EntryKind;
  /** 0 is a perfect match, 1 no match at all (Fuse.js scale). */
  readonly score: number;
  /** The surface form that matched best, e.g. the lay term `pins and needles`; the name when unknown. */
  readonly matched: string;
}

/** What Fuse indexes for one entry: every surface form in search form. */
interface SearchRecord {
  readonly entry: Entry;
  readonly name: string;
  readonly abbreviations: readonly string[];
  readonly synonyms: readonly string[];
  readonly layTerms: readonly string[];
  /** search form → the surface form as written, to report what matched. */
  readonly written: ReadonlyMap<string, string>;
}

/**
 * The Fuse.js options, in one place. Names weigh most; synonyms, lay terms and abbreviations
 * count too, so misspellings (`rhuematoid`), lay words (`pins and nee`) and short forms all find
 * their entry. `ignoreLocation` because a writer may type an inner word (`tunnel`).
 */
export const FUSE_OPTIONS: IFuseOptions<SearchRecord> = {
  keys: [
    { name: 'name', weight: 3 },
    { name: 'abbreviations', weight: 2 },
    { name: 'synonyms', weight: 2 },
    { name: 'layTerms', weight: 2 },
  ],
  threshold: 0.4,
  ignoreLocation: true,
  includeScore: true,
  includeMatches: true,
  minMatchCharLength: 2,
};

/** Code fields a query may name exactly (`G35`, `D009103`, `HP:0003401`). */
const CODE_FIELDS: readonly (keyof EntryCodes)[] = ['icd10cm', 'mesh', 'hpo', 'mondo', 'doid', 'symp'];

/**
 * Fuzzy search over the knowledge base for completion and the look-up palette: exact codes
 * first, then Fuse.js over names, synonyms, lay terms and abbreviations. Built once per
 * knowledge-base version.
 */
export class TermSearch {
  readonly #fuse: Fuse<SearchRecord>;
  readonly #byCode = new Map<string, Entry[]>();

  constructor(entries: readonly Entry[]) {
    const records = entries.map(toRecord);
    this.#fuse = new Fuse(records, FUSE_OPTIONS);
    for (const entry of entries) {
      for (const field of CODE_FIELDS) {
        const code = entry.codes?.[field];
        if (code) pushTo(this.#byCode, code.toUpperCase(), entry);
      }
    }
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
   * with score 0. An empty query has no results.
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
      add({ id: entry.id, name: entry.name, kind: entry.kind, score: 0, matched: entryCode });
    }
    const form = searchForm(query);
    if (form.length === 0) return results;
    for (const hit of this.#fuse.search(form, { limit })) {
      const { entry, written } = hit.item;
      const matched = bestCovered(hit.matches ?? []);
      add({ id: entry.id, name: entry.name, kind: entry.kind, score: roundScore(hit.score ?? 1), matched: written.get(matched ?? '') ?? entry.name });
    }
    return results;
  }
}

/** The matched value whose characters the query covered the most of. */
function bestCovered(matches: readonly FuseResultMatch[]): string | undefined {
  let best: string | undefined;
  let bestCoverage = -1;
  for (const m of matches) {
    if (!m.value) continue;
    const covered = m.indices.reduce((sum, [from, to]) => sum + to - from + 1, 0) / m.value.length;
    if (covered > bestCoverage) [best, bestCoverage] = [m.value, covered];
  }
  return best;
}

function toRecord(entry: Entry): SearchRecord {
  const written = new Map<string, string>();
  const forms = (list: readonly string[] | undefined) =>
    (list ?? []).map((s) => {
      const form = searchForm(s);
      if (!written.has(form)) written.set(form, s);
      return form;
    });
  const [name] = forms([entry.name]);
  return {
    entry,
    name,
    abbreviations: forms(entry.abbreviations),
    synonyms: forms(entry.synonyms),
    layTerms: forms(entry.layTerms),
    written,
  };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Scores rounded to 4 places: stable JSON output, no false precision. */
function roundScore(score: number): number {
  return Math.round(score * 1e4) / 1e4;
}
