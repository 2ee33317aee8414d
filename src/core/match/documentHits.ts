import { foldCase } from './normalize';
import type { TermHit } from './termIndex';
import { finish, UNITS_PER_PAUSE, type Sliced } from '../slices';

/**
 * What a document's terms are once the whole document is known: the second, cheap pass after
 * the term scan (`TermIndex.scan`), over its hits only. Contextual abbreviations count where the
 * document names their entry, and an abbreviation the document defines ("Parkinson's disease
 * (PD)", "PD (Parkinson's disease)") counts from its definition on, as its term's entry. Both
 * depend on the whole text, so neither is decided span by span: a document's analysis reuses the
 * scan of unchanged spans and runs this pass again, and gets what a whole re-read gets.
 */

/**
 * A word written like an abbreviation: a capital, then capitals or digits with at least one more
 * capital, a plural `s` or a possessive allowed ("PD", "PLDs", "T2D", "MS's"). Mixed-case words
 * ("McDonald") and single capitals are not.
 */
export const ABBREVIATION_SHAPE = /^\p{Lu}[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*(?:s|['’]s?)?$/u;

/** Longest abbreviation a document can define, plural included: longer capitals are shouting, not a short form. */
const MAX_ABBREVIATION = 12;

/**
 * A word shaped like an abbreviation that is no term (see {@link ABBREVIATION_SHAPE}): kept by the
 * scan, with no entry, for {@link documentHits} to resolve where the document defines it.
 */
export function pendingAbbreviation(start: number, end: number): TermHit {
  return { start, end, entryId: '', field: 'abbreviation', alternatives: NONE, contextual: true };
}
const NONE: readonly string[] = [];

/** Whether a scan's hit is a word only shaped like an abbreviation, not yet a term (see {@link pendingAbbreviation}). */
export function isPendingAbbreviation(hit: TermHit): boolean {
  return hit.entryId === '';
}

/**
 * The hits of a `TermIndex.scan` of `text` that count, sorted and not overlapping:
 * - contextual abbreviations count where the text names their entry in another form ("ALL" in a
 *   text about acute lymphoblastic leukemia, not in "ALL of us"; see {@link confirmContextual});
 * - an abbreviation in brackets right after a term whose words it abbreviates (see
 *   {@link abbreviates}), or right before such a term in brackets, is that term's from there on:
 *   the definition itself and every later use, plural and possessive included, in the same
 *   casing. It overrides another meaning the knowledge base gives the abbreviation. Uses before
 *   the definition keep their meaning, if any.
 * Linear in the number of hits; each definition check reads a few characters around two hits.
 */
export function documentHits(text: string, scanned: readonly TermHit[]): readonly TermHit[] {
  return finish(documentHitsSliced(text, scanned));
}

/** {@link documentHits}, pausing between runs of hits (see `Sliced`): a 10 MB document has 200,000. */
export function documentHitsSliced(text: string, scanned: readonly TermHit[]): Sliced<readonly TermHit[]> {
  return resolve(text, scanned, new Map());
}

/**
 * The abbreviations `text` defines (see {@link documentHits}), without plural or possessive, each
 * with the entry of its term, from the hits of a scan of it; of two definitions, the later.
 */
export function definedAbbreviations(text: string, scanned: readonly TermHit[]): Map<string, string> {
  const defined = new Map<string, string>();
  finish(resolve(text, scanned, defined));
  return defined;
}

/** {@link documentHits}, noting each definition in `defined`. */
function* resolve(text: string, scanned: readonly TermHit[], defined: Map<string, string>): Sliced<readonly TermHit[]> {
  if (!scanned.some((hit) => hit.field === 'abbreviation')) return scanned;
  yield;
  const named = yield* namedEntries(scanned);
  const counts = (hit: TermHit | undefined): hit is TermHit => hit !== undefined && !isPendingAbbreviation(hit) && (!hit.contextual || named.has(hit.entryId));
  const hits: TermHit[] = [];
  let previous: TermHit | undefined; // the last hit that counts, for "term (ABBR)"
  for (let i = 0; i < scanned.length; i++) {
    if (i % UNITS_PER_PAUSE === 0) yield;
    const hit = scanned[i];
    const abbreviation = hit.field === 'abbreviation' ? bareAbbreviation(text.slice(hit.start, hit.end)) : undefined;
    if (abbreviation !== undefined) {
      const next = scanned[i + 1];
      const term =
        counts(previous) && inBrackets(text, previous.end, hit.start, hit.end) && abbreviates(abbreviation, text.slice(previous.start, previous.end))
          ? previous
          : counts(next) && inBrackets(text, hit.end, next.start, next.end) && abbreviates(abbreviation, text.slice(next.start, next.end))
            ? next
            : undefined;
      if (term) defined.set(abbreviation, term.entryId);
      const entryId = defined.get(abbreviation);
      if (entryId !== undefined) {
        const alternatives = isPendingAbbreviation(hit) || hit.entryId === entryId ? hit.alternatives : [hit.entryId, ...hit.alternatives.filter((id) => id !== entryId)];
        previous = { start: hit.start, end: hit.end, entryId, field: 'abbreviation', alternatives, contextual: false };
        hits.push(previous);
        continue;
      }
    }
    if (counts(hit)) {
      hits.push(hit);
      previous = hit;
    } else if (!isPendingAbbreviation(hit)) previous = undefined;
  }
  return hits;
}

/**
 * The hits of a `TermIndex.scan` that count: all but the contextual abbreviations whose entry the
 * text does not also name in another form, and the words only shaped like abbreviations. Unlike
 * {@link documentHits}, it does not read the text, so abbreviations the text defines are left out.
 */
export function confirmContextual(hits: readonly TermHit[]): readonly TermHit[] {
  if (!hits.some((hit) => hit.contextual)) return hits;
  const named = finish(namedEntries(hits));
  return hits.filter((hit) => !hit.contextual || named.has(hit.entryId));
}

/** Entries the hits name in a form that is not a contextual abbreviation. */
function* namedEntries(hits: readonly TermHit[]): Sliced<Set<string>> {
  const named = new Set<string>();
  for (let i = 0; i < hits.length; i++) {
    if (i % UNITS_PER_PAUSE === 0) yield;
    if (!hits[i].contextual) named.add(hits[i].entryId);
  }
  return named;
}

/**
 * The abbreviation as a document defines and uses it, without a plural `s` or a possessive
 * ("PLDs" → "PLD", "PD's" → "PD"); `undefined` for a word not shaped like one.
 */
function bareAbbreviation(written: string): string | undefined {
  if (written.length > MAX_ABBREVIATION + 2 || !ABBREVIATION_SHAPE.test(written)) return undefined;
  const bare = written.replace(/['’]s?$/, '');
  return bare.endsWith('s') ? bare.slice(0, -1) : bare;
}

/**
 * Whether `text[innerStart, innerEnd)` is alone in brackets that open right after `from`: only
 * spaces before the bracket, and the closing bracket right after. Reads a few characters.
 */
function inBrackets(text: string, from: number, innerStart: number, innerEnd: number): boolean {
  if (innerStart - from > 3 || text.charCodeAt(innerStart - 1) !== 0x28 || text.charCodeAt(innerEnd) !== 0x29) return false;
  for (let i = from; i < innerStart - 1; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

// Words an abbreviation usually skips: "disease of the heart", "chronic fatigue and immune ...".
const SMALL_WORDS = new Set(['of', 'and', 'the', 'in', 'with', 'to', 'for', 'a', 'an', 'on', 'or', 'by', 'at']);
const MAX_TERM_WORDS = 12;

/**
 * Whether `abbreviation` (its plural `s` dropped) could be formed from `term`'s words: its first
 * letter starts the first word, and each letter in order starts a later word or follows, inside
 * the same word, a letter already matched there ("GERD": Gastro-Esophageal Reflux Disease; "PLD":
 * Periodic Lateralized Discharges). Every word is abbreviated but the small ones ("of", "and"),
 * which may be. So "fever (see below)" or "diabetes (T2)" define nothing, and an abbreviation of
 * an unrecognised phrase is never invented. Memoised over (letter, word): quick for any input.
 */
export function abbreviates(abbreviation: string, term: string): boolean {
  const letters = foldCase(abbreviation);
  const words = foldCase(term)
    .split(/[^\p{L}\p{N}'’]+/u)
    .map((w) => w.replace(/['’]s?$/, '').replace(/['’]/g, ''))
    .filter((w) => w !== '');
  if (letters.length < 2 || words.length === 0 || words.length > MAX_TERM_WORDS) return false;
  const failed = new Set<number>();
  // Whether letters[a..] can be spread over words[w..], each word's first letter its first.
  const fits = (a: number, w: number): boolean => {
    if (a === letters.length) return words.slice(w).every((word) => SMALL_WORDS.has(word));
    if (w === words.length) return false;
    const memo = a * (MAX_TERM_WORDS + 1) + w;
    if (failed.has(memo)) return false;
    const word = words[w];
    let ok = SMALL_WORDS.has(word) && fits(a, w + 1);
    if (!ok && word[0] === letters[a]) {
      // This word takes letters[a], then perhaps more letters found later inside it.
      let at = 0;
      for (let b = a + 1; !ok; b++) {
        ok = fits(b, w + 1);
        if (ok || b === letters.length) break;
        at = word.indexOf(letters[b], at + 1);
        if (at === -1) break;
      }
    }
    if (!ok) failed.add(memo);
    return ok;
  };
  return fits(0, 0);
}
