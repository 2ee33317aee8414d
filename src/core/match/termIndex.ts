import type { Entry } from '../kb/types';
import type { Span } from '../text';
import { tokenize, wordKeys, type Token } from './normalize';

/** A recognised term in a text. */
export interface TermHit extends Span {
  /** The text as written, e.g. `Sjogren's`. */
  readonly text: string;
  /** The entry the term names. */
  readonly entryId: string;
  /** Other entries with the same surface form, best first (usually empty). */
  readonly alternatives: readonly string[];
}

/** Which field of an entry a surface form comes from, in order of precedence. */
type SurfaceField = 'name' | 'abbreviation' | 'synonym' | 'layTerm';
const PRECEDENCE: Record<SurfaceField, number> = { name: 0, abbreviation: 1, synonym: 2, layTerm: 3 };

interface Target {
  readonly entryId: string;
  readonly field: SurfaceField;
  /** For abbreviations: the only casing that counts, e.g. `MS`. */
  readonly exact?: string;
  /** An abbreviation that is also an everyday word: needs the entry spelled out elsewhere in the text. */
  readonly contextual?: boolean;
}

interface TrieNode {
  children?: Map<string, TrieNode>;
  targets?: Target[];
}

// Between the words of one term only spaces, one line break or one hyphen may stand:
// "carpal tunnel", "carpal-tunnel", "carpal\ntunnel" — not "carpal, tunnel".
const JOINER = /^[ \t]*(?:\r?\n|[-‐‑])?[ \t]*$/;

/**
 * The index that finds where knowledge-base terms occur in a text: a trie over word keys, so a
 * scan costs one walk per word whatever the size of the knowledge base, and the longest term
 * wins (`peripheral neuropathy` before `neuropathy`). Built once per knowledge-base version.
 */
export class TermIndex {
  readonly #root: TrieNode = {};

  /**
   * @param entries the knowledge base.
   * @param contextualAbbreviations abbreviations that are also everyday words; they count only in
   *   a text that also names their entry in an unambiguous form.
   */
  constructor(entries: readonly Entry[], contextualAbbreviations: Iterable<string> = []) {
    const contextual = new Set(contextualAbbreviations);
    for (const entry of entries) {
      const add = (surface: string, field: SurfaceField) => this.#add(surface, { entryId: entry.id, field });
      add(entry.name, 'name');
      for (const s of entry.synonyms ?? []) add(s, 'synonym');
      for (const s of entry.layTerms ?? []) add(s, 'layTerm');
      for (const a of entry.abbreviations ?? []) {
        this.#add(a, { entryId: entry.id, field: 'abbreviation', exact: a, contextual: contextual.has(a) || undefined });
      }
    }
  }

  #add(surface: string, target: Target): void {
    const keys = wordKeys(surface);
    if (keys.length === 0) return;
    this.#insert(keys, target);
    // "X-ray" is also written "xray": index the hyphen-joined form as one word too.
    if (keys.length > 1 && /[-‐‑]/.test(surface) && !target.exact) {
      this.#insert(wordKeys(surface.replace(/[-‐‑]/g, '')), target);
    }
  }

  #insert(keys: readonly string[], target: Target): void {
    let node = this.#root;
    for (const key of keys) {
      node.children ??= new Map();
      let next = node.children.get(key);
      if (!next) node.children.set(key, (next = {}));
      node = next;
    }
    const targets = (node.targets ??= []);
    if (targets.some((t) => t.entryId === target.entryId && t.exact === target.exact)) return;
    targets.push(target);
    targets.sort((a, b) => PRECEDENCE[a.field] - PRECEDENCE[b.field]);
  }

  /**
   * Every term in `text`, left to right, longest match first, never overlapping.
   * @param prose the spans to look in (see `proseSpans`); the whole text when omitted.
   */
  findTerms(text: string, prose: readonly Span[] = [{ start: 0, end: text.length }]): TermHit[] {
    const hits: TermHit[] = [];
    const pending: { hit: TermHit; needs: string }[] = [];
    for (const span of prose) {
      const tokens = tokenize(text, span.start, span.end);
      for (let i = 0; i < tokens.length; ) {
        const match = this.#longestAt(text, tokens, i);
        if (!match) {
          i += 1;
          continue;
        }
        const [first, ...rest] = match.targets;
        const hit: TermHit = {
          start: tokens[i].start,
          end: tokens[match.last].end,
          text: text.slice(tokens[i].start, tokens[match.last].end),
          entryId: first.entryId,
          alternatives: rest.map((t) => t.entryId).filter((id) => id !== first.entryId),
        };
        if (first.contextual) pending.push({ hit, needs: first.entryId });
        else hits.push(hit);
        i = match.last + 1;
      }
    }
    if (pending.length === 0) return hits;
    const named = new Set(hits.map((h) => h.entryId));
    const confirmed = pending.filter((p) => named.has(p.needs)).map((p) => p.hit);
    return [...hits, ...confirmed].sort((a, b) => a.start - b.start);
  }

  /** Entry ids whose name, synonym, lay term or abbreviation is exactly `term` (normalised), best first. */
  lookup(term: string): string[] {
    const tokens = tokenize(term);
    const match = tokens.length > 0 ? this.#longestAt(term, tokens, 0) : undefined;
    if (!match || match.last !== tokens.length - 1) return [];
    return [...new Set(match.targets.map((t) => t.entryId))];
  }

  /** The longest term starting at token `i` whose targets accept the text as written. */
  #longestAt(text: string, tokens: readonly Token[], i: number): { last: number; targets: Target[] } | undefined {
    let node: TrieNode | undefined = this.#root;
    let best: { last: number; targets: Target[] } | undefined;
    for (let j = i; j < tokens.length; j++) {
      if (j > i && !joined(text, tokens[j - 1].end, tokens[j].start)) break;
      node = node.children?.get(tokens[j].key);
      if (!node) break;
      if (node.targets) {
        const written = text.slice(tokens[i].start, tokens[j].end);
        const targets = node.targets.filter((t) => !t.exact || abbreviationFits(t.exact, written, text, tokens[i].start));
        if (targets.length > 0) best = { last: j, targets };
      }
    }
    return best;
  }
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
