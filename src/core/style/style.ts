import type { KnowledgeBase } from '../knowledgeBase';
import type { Entry } from '../kb/types';
import { writtenName } from '../kb/writtenName';
import { foldCase, termKey } from '../match/normalize';
import type { TermHit } from '../match/termIndex';
import { finish, UNITS_PER_PAUSE, type Sliced } from '../slices';
import { casedAt, type Span } from '../text';

/**
 * A rule MedTerms checks a document by: plain language (`jargon`, `abbreviation`), vetted
 * snippets (see `snippetFindings`), and `nesting`: text nested too deeply for a full Markdown
 * read, which is checked as plain text and says so (see `documentFindings`), and `reading-grade`:
 * a paragraph above the target reading grade (see `readingGradeFindingsSliced`), and
 * `person-first`: wording that names people by a condition (see `personFirstFindingsSliced`). The ids are public: diagnostic codes, settings and CLI
 * output use them.
 */
export type StyleRule = 'jargon' | 'abbreviation' | SnippetRule | 'nesting' | 'reading-grade' | 'person-first';

/** The rules about vetted snippets and their provenance markers. */
export type SnippetRule = 'snippet-edited' | 'snippet-outdated' | 'snippet-review-due' | 'snippet-marker' | 'snippet-unmarked';

/** Every rule, in the order settings and documentation list them. */
export const STYLE_RULES: readonly StyleRule[] = ['jargon', 'abbreviation', 'snippet-edited', 'snippet-outdated', 'snippet-review-due', 'snippet-marker', 'snippet-unmarked', 'nesting', 'reading-grade', 'person-first'];

/** One way to fix a finding: replace `[start, end)` of the text with `replacement`. */
export interface StyleFix extends Span {
  /** What the writer is offered, e.g. `Replace with “nerve damage”`. */
  readonly title: string;
  readonly replacement: string;
  /** The replacement in VS Code snippet syntax, for an editor to insert with tab stops (vetted text with slots). */
  readonly snippet?: string;
  /** Show the writer the change before making it: it replaces a block of text. */
  readonly preview?: boolean;
}

/** Something in the text that a plain-language rule flags, at `[start, end)` (UTF-16 offsets). */
export interface StyleFinding extends Span {
  readonly rule: StyleRule;
  /** One sentence for the writer, naming the text and what to write instead. */
  readonly message: string;
  /** Ways to fix it, best first; may be empty. */
  readonly fixes: readonly StyleFix[];
}

/** What the rules read of a Markdown text: the text, its terms and its headings (see `DocumentAnalysis`). */
export interface StyleInput {
  readonly text: string;
  /** The terms, as `TermIndex.findTerms` returns them: sorted, not overlapping. */
  readonly hits: readonly TermHit[];
  /** The headings' lines, sorted. */
  readonly headings: readonly Span[];
}

export interface StyleOptions {
  /**
   * Abbreviations that need no spelling out (`MRI`, `DNA`), in their own casing; their plurals
   * and possessives are allowed too. Default: none.
   */
  readonly allowedAbbreviations?: readonly string[];
}

// Ends a sentence, for the "explained in the same sentence" test: closing punctuation, a blank
// line, a new list item, heading or quote, or a table cell boundary.
const SENTENCE_END = /[.!?](?=[\s*_)"'”’]|$)|\n[ \t]*(?:\r?\n|[-*+>#]|\d+[.)])|\|/;
// A writer introducing a term names it right after a cue: "This is called peripheral neuropathy".
const NAMING_CUE = /\b(?:called|known as|termed|named)\s+[*_"“‘']*$/i;
const NAMING_CUE_LOOK_BACK = 20;
// Wording with capitals and no lower-case letter or space is an abbreviation: `ALS`, `TB`, `COPD`.
const ABBREVIATION_LIKE = /^(?=.*\p{Lu})[^\p{Ll}\s]+$/u;
const POSSESSIVE = /['’]s?$/;

/**
 * The plain-language findings for a Markdown text, from the terms found in it and its headings.
 * Linear in the number of hits: each hit costs a few look-ups and a glance at a bounded stretch
 * of text around it; beyond that, the text between hits is read once (for sentence ends).
 * Findings come sorted by start.
 *
 * - `jargon`: a term written as its entry's name or a synonym where the entry has plainer
 *   `sayInstead` wording, until the document has explained it once. Explained means: followed
 *   by `(plain wording)` (the say-instead wording or a lay term), introduced by a naming cue
 *   ("called", "known as"), or a lay term of the entry stands in the same sentence ("Doctors call
 *   nerve damage neuropathy"). Fixes: replace with the plain wording, or explain it in brackets.
 *   When the plain wording is an abbreviation (`ALS` for amyotrophic lateral sclerosis), the name
 *   is the spelled-out form people should meet first, so the only fix is to add the abbreviation.
 * - `abbreviation`: the first use of an abbreviation (`MS`) in the body before its entry's name
 *   or a synonym: headings are left alone (a title may use the abbreviation the text spells
 *   out), and `MS (multiple sclerosis)` counts as spelled out. Fix: `multiple sclerosis (MS)`.
 */
export function styleFindings(input: StyleInput, kb: KnowledgeBase, options: StyleOptions = {}): StyleFinding[] {
  return finish(styleFindingsSliced(input, kb, options));
}

/** {@link styleFindings}, pausing between runs of hits (see `Sliced`). */
export function* styleFindingsSliced({ text, hits, headings }: StyleInput, kb: KnowledgeBase, options: StyleOptions = {}): Sliced<StyleFinding[]> {
  const allowed = new Set(options.allowedAbbreviations ?? []);
  const entries: (Entry | undefined)[] = [];
  const sentences = yield* sentenceNumbers(text, hits);
  for (const [i, hit] of hits.entries()) {
    if (i % UNITS_PER_PAUSE === 0) yield;
    entries.push(kb.get(hit.entryId));
  }
  // A document repeats its terms: each wording's key is computed once.
  const keys = new Map<string, string>();
  const key = (wording: string) => {
    let k = keys.get(wording);
    if (k === undefined) keys.set(wording, (k = termKey(wording)));
    return k;
  };
  // Entries written plainly, per sentence: `${sentence} ${entryId}`.
  const plainIn = new Set<string>();
  for (const [i, hit] of hits.entries()) {
    if (i % UNITS_PER_PAUSE === 0) yield;
    if (entries[i]?.sayInstead && isPlain(text, hit, entries[i]!.sayInstead!, key)) plainIn.add(`${sentences[i]} ${hit.entryId}`);
  }
  const inHeading = headingTest(headings);
  const explained = new Set<string>();
  const spelledOut = new Set<string>();
  const findings: StyleFinding[] = [];
  for (const [i, hit] of hits.entries()) {
    if (i % UNITS_PER_PAUSE === 0) yield;
    const entry = entries[i];
    if (!entry) continue;
    if (entry.sayInstead && !explained.has(entry.id) && isJargon(text, hit, entry.sayInstead, key)) {
      if (plainIn.has(`${sentences[i]} ${entry.id}`) || isExplained(text, hit, entry)) explained.add(entry.id);
      else findings.push(jargon(text, hit, entry.sayInstead));
    }
    if (inHeading(hit)) continue;
    if (hit.field === 'name' || hit.field === 'synonym') spelledOut.add(entry.id);
    else if (hit.field === 'abbreviation' && !spelledOut.has(entry.id)) {
      spelledOut.add(entry.id);
      const abbreviation = bareAbbreviation(written(text, hit), entry);
      if (!allowed.has(abbreviation) && !spelledOutNext(text, hit, hits[i + 1])) findings.push(unexplainedAbbreviation(text, hit, entry, abbreviation));
    }
  }
  return findings;
}

/** Whether the hit is written as its entry's clinical name or synonym, and not as the say-instead wording. */
function isJargon(text: string, hit: TermHit, sayInstead: string, key: (wording: string) => string): boolean {
  return (hit.field === 'name' || hit.field === 'synonym') && key(written(text, hit)) !== key(sayInstead);
}

/** Whether the hit is plain wording: a lay term, or the say-instead wording itself (`ALS`, `diabetes`). */
function isPlain(text: string, hit: TermHit, sayInstead: string, key: (wording: string) => string): boolean {
  return hit.field === 'layTerm' || key(written(text, hit)) === key(sayInstead);
}

/** Whether the jargon at `hit` is followed by its plain wording in brackets, or introduced by a naming cue. */
function isExplained(text: string, hit: TermHit, entry: Entry): boolean {
  return explainedAt(text, hit, [entry.sayInstead!, ...(entry.layTerms ?? [])]);
}

/**
 * Whether the wording at `span` is explained where it stands: followed by one of `plain` in
 * brackets (`prognosis (outlook)`), or introduced by a naming cue (`known as prognosis`).
 * Looks at a bounded stretch of text either side.
 */
export function explainedAt(text: string, span: Span, plain: readonly string[]): boolean {
  const inBrackets = plain.some((p) => foldCase(text.slice(span.end, span.end + p.length + 3)) === foldCase(` (${p})`));
  return inBrackets || NAMING_CUE.test(text.slice(Math.max(0, span.start - NAMING_CUE_LOOK_BACK), span.start));
}

function jargon(text: string, hit: TermHit, sayInstead: string): StyleFinding {
  // Replacing a name by a bare abbreviation would only raise the abbreviation rule.
  return jargonFinding(text, hit, sayInstead, { replace: !ABBREVIATION_LIKE.test(sayInstead) });
}

/**
 * A `jargon` finding for the wording at `span`, with its fixes: replace it with `plain` (unless
 * `replace` is false: the plain wording does not fit in its place) and explain it in brackets.
 * `formal` words (`commence`) are named as such, not as medical jargon.
 */
export function jargonFinding(text: string, span: Span, plain: string, { replace = true, formal = false }: { replace?: boolean; formal?: boolean } = {}): StyleFinding {
  const term = written(text, span);
  const explain: StyleFix = { title: `Explain: ${oneLine(term)} (${plain})`, start: span.start, end: span.end, replacement: `${term} (${plain})` };
  const cased = casedAt(plain, text, span.start, term);
  const replacement: StyleFix = { title: `Replace with “${cased}”`, start: span.start, end: span.end, replacement: cased };
  return {
    rule: 'jargon',
    start: span.start,
    end: span.end,
    message: formal ? `“${oneLine(term)}” is a formal word; readers may find “${plain}” plainer.` : `“${oneLine(term)}” is medical jargon; readers may know it as “${plain}”.`,
    fixes: replace ? [replacement, explain] : [explain],
  };
}

/** The abbreviation as the entry lists it, for a form written with a plural or possessive: `UTIs` → `UTI`. */
function bareAbbreviation(written: string, entry: Entry): string {
  const bare = written.replace(POSSESSIVE, '');
  return entry.abbreviations?.includes(bare) || !bare.endsWith('s') ? bare : bare.slice(0, -1);
}

/** Whether an abbreviation is spelled out right after it: `MS (multiple sclerosis)`. */
function spelledOutNext(text: string, hit: TermHit, next: TermHit | undefined): boolean {
  return (
    next !== undefined &&
    next.entryId === hit.entryId &&
    (next.field === 'name' || next.field === 'synonym') &&
    text.slice(hit.end, next.start) === ' (' &&
    text[next.end] === ')'
  );
}

function unexplainedAbbreviation(text: string, hit: TermHit, entry: Entry, abbreviation: string): StyleFinding {
  const term = written(text, hit);
  const plural = term.replace(POSSESSIVE, '') !== abbreviation ? 's' : '';
  const spelled = `${casedAt(writtenName(entry), text, hit.start)}${plural} (${abbreviation}${plural})`;
  return {
    rule: 'abbreviation',
    start: hit.start,
    end: hit.end,
    message: `Spell out “${term}” at first use: “${spelled}”.`,
    // A possessive (`MS's`) has no tidy spelled-out form; the writer rephrases.
    fixes: POSSESSIVE.test(term) ? [] : [{ title: `Spell out: ${spelled}`, start: hit.start, end: hit.end, replacement: spelled }],
  };
}

/** For each hit, the number of the sentence it stands in (counting from 0). */
function* sentenceNumbers(text: string, hits: readonly TermHit[]): Sliced<number[]> {
  let sentence = 0;
  const numbers: number[] = [];
  for (const [i, hit] of hits.entries()) {
    if (i % UNITS_PER_PAUSE === 0) yield;
    numbers.push(i > 0 && SENTENCE_END.test(text.slice(hits[i - 1].end, hit.start)) ? ++sentence : sentence);
  }
  return numbers;
}

/** A test of whether a hit is in a heading, for hits asked about in order of position. */
function headingTest(headings: readonly Span[]): (hit: Span) => boolean {
  let h = 0;
  return (hit) => {
    while (h < headings.length && headings[h].end <= hit.start) h++;
    return h < headings.length && headings[h].start <= hit.start;
  };
}

/** The term at `hit` as written in `text`. */
function written(text: string, hit: Span): string {
  return text.slice(hit.start, hit.end);
}

/** A term written across a line break, as it reads in a one-line message. */
function oneLine(written: string): string {
  return written.replace(/\s+/g, ' ');
}
