import type { KnowledgeBase } from './knowledgeBase';
import { readingGradeFindingsSliced } from './readability/readingGrade';
import { snippetFindings } from './snippets/check';
import { finish, UNITS_PER_PAUSE, type Sliced } from './slices';
import { personFirstFindingsSliced } from './style/personFirst';
import { plainWordFindingsSliced } from './style/plainWords';
import { styleFindingsSliced, type StyleFinding, type StyleInput } from './style/style';
import type { Span } from './text';

/** A group of rules run over one document, named for the log: `plain language`, `snippets`. */
export interface RuleGroup {
  readonly name: string;
  /** The group's findings, as work that may pause (see `Sliced`). */
  readonly run: () => Sliced<readonly StyleFinding[]>;
}

/**
 * The findings of every group, sorted by start. A group that throws (a bug, or input nobody
 * foresaw) is reported through `onError` and contributes nothing; the other groups' findings
 * are still returned, so one broken rule never silences the rest.
 */
export function* collectFindings(groups: readonly RuleGroup[], onError: (group: string, error: unknown) => void): Sliced<StyleFinding[]> {
  let findings: StyleFinding[] = [];
  for (const group of groups) {
    try {
      // Most groups report in order already, and sorting sorted items is one pass.
      const found = [...(yield* group.run())].sort(byStart);
      yield;
      findings = yield* mergeByStart(findings, found);
    } catch (error) {
      onError(group.name, error);
    }
  }
  return findings;
}

const byStart = (a: StyleFinding, b: StyleFinding) => a.start - b.start;

/**
 * Two lists sorted by start as one, `earlier`'s first where they start together, pausing as it
 * goes: a 10 MB document has tens of thousands of findings, and sorting them all at once would
 * hold the editor for tens of milliseconds.
 */
function* mergeByStart(earlier: readonly StyleFinding[], later: readonly StyleFinding[]): Sliced<StyleFinding[]> {
  const merged: StyleFinding[] = [];
  let i = 0;
  let j = 0;
  while (i < earlier.length || j < later.length) {
    if (merged.length % UNITS_PER_PAUSE === 0) yield;
    merged.push(j === later.length || (i < earlier.length && earlier[i].start <= later[j].start) ? earlier[i++] : later[j++]);
  }
  return merged;
}

/** What the rules read of one document (see `DocumentAnalysis`). */
export interface DocumentInput extends StyleInput {
  /** The prose spans, for snippet text pasted without markers. */
  readonly prose: readonly Span[];
  /** Text read without its deeper structure (see `ProseMap.flattened`). */
  readonly flattened?: readonly Span[];
  /** The tables' lines, left out of the reading grade (see `ReadingInput`). */
  readonly tables?: readonly Span[];
}

/** What the rules are told besides the document: abbreviations the writer allows, and today's date for review dates. */
export interface FindingOptions {
  readonly allowedAbbreviations?: readonly string[];
  readonly today: string;
  /** The reading grade a paragraph should not exceed (default `DEFAULT_TARGET_GRADE`, 8). */
  readonly targetGrade?: number;
}

/**
 * Every finding of a document, as the editor's diagnostics and `medterms check` report them:
 * the plain-language rules (the knowledge base's jargon and abbreviations, general medical
 * jargon — the bundled list with the teams' lists merged in, see `KnowledgeBase.plainWords` —,
 * person-first wording), the snippet checks, the nesting notes and the paragraphs above
 * the target reading grade, each group contained (see {@link collectFindings}).
 */
export function documentFindings(
  input: DocumentInput,
  kb: KnowledgeBase,
  options: FindingOptions,
  onError: (group: string, error: unknown) => void,
): StyleFinding[] {
  return finish(documentFindingsSliced(input, kb, options, onError));
}

/** {@link documentFindings}, pausing between runs of work (see `Sliced`). */
export function documentFindingsSliced(
  input: DocumentInput,
  kb: KnowledgeBase,
  options: FindingOptions,
  onError: (group: string, error: unknown) => void,
): Sliced<StyleFinding[]> {
  return collectFindings(
    [
      { name: 'plain language', run: () => styleFindingsSliced(input, kb, options) },
      { name: 'general jargon', run: () => plainWordFindingsSliced(input, kb.plainWords) },
      { name: 'person-first', run: () => personFirstFindingsSliced(input.text, input.prose) },
      // Linear in the text and a few milliseconds on 10 MB: no pause points needed inside.
      { name: 'snippets', run: function* () { return snippetFindings(input.text, input.prose, kb.snippets, { today: options.today, pasted: kb.snippets.pasted }); } },
      { name: 'nesting', run: function* () { return nestingFindings(input.flattened ?? []); } },
      { name: 'reading grade', run: () => readingGradeFindingsSliced(input, options.targetGrade) },
    ],
    onError,
  );
}

/**
 * A note on each stretch of text nested deeper than Markdown parsers read (markdown-it stops at
 * 100 block quotes or 50 lists): MedTerms still checks it, as plain paragraphs, and says so,
 * so nothing is left out without a word. No fix: the writer decides whether to flatten it.
 */
export function nestingFindings(flattened: readonly Span[]): StyleFinding[] {
  return flattened.map(({ start, end }) => ({
    rule: 'nesting' as const,
    start,
    end,
    message: 'These lines are nested too deeply for a full Markdown read; MedTerms checked them as plain text, without their deeper lists, quotes or code.',
    fixes: [],
  }));
}
