import generalWords from '../../../data/jargon/general.json';
import { joinedWords } from '../match/normalize';
import type { TermHit } from '../match/termIndex';
import { UNITS_PER_PAUSE, type Sliced } from '../slices';
import { startsSentence, type Span } from '../text';
import { explainedAt, jargonFinding, type StyleFinding } from './style';
import { linkTextStart, overlapTest, spanWords, startTest, WordingMatcher, type SpanWords, type WordingMatch } from './wordings';

/** One general word patients misread, with everyday wording (see `data/schema/plain-words.schema.json`). */
export interface PlainWord {
  /** The word or phrase, lower case: `prognosis`, `prior to`. */
  readonly term: string;
  /** What to say instead: `outlook`. */
  readonly plain: string;
  /** `formal`: a formal word, not medical jargon (`commence`). Default `medical`. */
  readonly kind?: 'medical' | 'formal';
  /** `word`: flagged only directly before another word, as an adjective (`acute pain`). */
  readonly before?: 'word';
  /** Flagged only within {@link NEAR_WORDS} words of a word of this context (`positive` near `test`). */
  readonly near?: string;
  /** false: the plain wording does not fit in the word's place; the only fix explains it. */
  readonly replace?: boolean;
  /** The list it was taken from, when not written by MedTerms. */
  readonly source?: string;
}

/** A file of plain words, as `data/jargon/general.json` is written. */
export interface PlainWordsFile {
  readonly contexts?: Readonly<Record<string, readonly string[]>>;
  readonly words: readonly PlainWord[];
}

/** How many words before or after a `near` word its context word may stand: "the test came back positive". */
export const NEAR_WORDS = 6;

/** A list of plain words, ready to find in prose. */
export class PlainWords {
  readonly words: readonly PlainWord[];
  readonly #matcher: WordingMatcher<PlainWord>;
  readonly #contexts: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(file: PlainWordsFile) {
    this.words = file.words;
    this.#matcher = new WordingMatcher(file.words, (w) => w.term);
    this.#contexts = new Map(Object.entries(file.contexts ?? {}).map(([name, words]) => [name, new Set(words)]));
  }

  /** The plain word that starts at word `i` of a span, where its context allows it (see {@link PlainWord}). */
  at(text: string, words: SpanWords, i: number): WordingMatch<PlainWord> | undefined {
    return this.#matcher.longestAt(text, words, i, (match) => this.#fits(text, words, match));
  }

  #fits(text: string, words: SpanWords, { item, first, last }: WordingMatch<PlainWord>): boolean {
    if (item.before === 'word' && !(last + 1 < words.starts.length && joinedWords(text, words.ends[last], words.starts[last + 1]))) return false;
    if (item.near !== undefined) {
      const context = this.#contexts.get(item.near);
      if (!context) return false;
      if (!nearAny(text, words, first, last, context)) return false;
    }
    return true;
  }
}

// A word followed by a bracket or by `, or` is explained there: `neurologist (a nerve doctor)`,
// `blood glucose, or blood sugar`.
const EXPLAINED_AFTER = /^(?: \(|, or )/;

/** Whether the word at `offset` is capitalised in mid-sentence: part of a name (`National Institute of Allergy and Infectious Diseases`). */
function isProperName(text: string, offset: number): boolean {
  return /^\p{Lu}/u.test(text.charAt(offset)) && !startsSentence(text, offset);
}

// Ends a sentence between two words: a context word past it is about something else.
const SENTENCE_BREAK = /[.!?;:]/;

/** Whether a word of `context` stands within {@link NEAR_WORDS} words of words `[first, last]`, in the same sentence. */
function nearAny(text: string, words: SpanWords, first: number, last: number, context: ReadonlySet<string>): boolean {
  const gap = (k: number) => text.slice(words.ends[k - 1], words.starts[k]);
  for (let k = first - 1; k >= Math.max(0, first - NEAR_WORDS) && !SENTENCE_BREAK.test(gap(k + 1)); k--) if (context.has(words.folded[k])) return true;
  for (let k = last + 1; k <= Math.min(words.folded.length - 1, last + NEAR_WORDS) && !SENTENCE_BREAK.test(gap(k)); k++) if (context.has(words.folded[k])) return true;
  return false;
}

/** The list MedTerms ships, `data/jargon/general.json`, as written. */
export const BUNDLED_PLAIN_WORDS = generalWords as PlainWordsFile;

let bundled: PlainWords | undefined;

/** The plain words MedTerms ships (`data/jargon/general.json`), built on first use. */
export function bundledPlainWords(): PlainWords {
  return (bundled ??= new PlainWords(BUNDLED_PLAIN_WORDS));
}

/** What the general-jargon rule reads of a document. */
export interface PlainWordsInput {
  readonly text: string;
  /** The prose spans: code, URLs, link destinations and HTML are never read. */
  readonly prose: readonly Span[];
  /** The knowledge-base terms found, sorted: their words are the term rules' to judge. */
  readonly hits: readonly TermHit[];
}

/**
 * `jargon` findings for general words patients misread (`prognosis`, `contraindicated`,
 * `positive` near a test word), beyond the knowledge base's terms, with the same fixes as a
 * term's: replace with the plain wording, or explain it in brackets. A word is left alone
 * inside a knowledge-base term (`acute` in `acute bronchitis`) or as an adjective right before one
 * (`neonatal lupus`), capitalised in mid-sentence (a name: `Institute of Infectious Diseases`), in a
 * link's text, after a `#` (an
 * anchor or tag),
 * and where the document first uses it explained (`prognosis (outlook)`, `neurologist (a nerve
 * doctor)`, `blood glucose, or blood sugar`, `known as prognosis`). Each word is flagged once, at its first use.
 * Linear in the prose: each word is looked up once, and a few words around a match are read.
 * Pauses every {@link UNITS_PER_PAUSE} words.
 */
export function* plainWordFindingsSliced({ text, prose, hits }: PlainWordsInput, list: PlainWords = bundledPlainWords()): Sliced<StyleFinding[]> {
  const inTerm = overlapTest(hits);
  const startsTerm = startTest(hits);
  // Each word is flagged once, where the document first uses it: these are everyday words of
  // medicine, and one note each keeps the problem list readable.
  const seen = new Set<string>();
  const findings: StyleFinding[] = [];
  let done = 0;
  for (const span of prose) {
    const words = spanWords(text, span);
    const linkText = linkTextStart(text, span);
    for (let i = 0; i < words.starts.length; i++) {
      if (++done % UNITS_PER_PAUSE === 0) yield;
      if (text[words.starts[i] - 1] === '#' || words.starts[i] >= linkText || isProperName(text, words.starts[i])) continue;
      const match = list.at(text, words, i);
      if (!match) continue;
      const at = { start: words.starts[match.first], end: words.ends[match.last] };
      // An adjective before a term is part of a more specific name: `neonatal lupus`, `acute leukemia`.
      if (inTerm(at) || (match.item.before === 'word' && startsTerm(words.starts[match.last + 1]))) continue;
      i = match.last;
      const { term, plain, kind, replace } = match.item;
      if (seen.has(term)) continue;
      seen.add(term);
      if (!explainedAt(text, at, [plain]) && !EXPLAINED_AFTER.test(text.slice(at.end, at.end + 5))) findings.push(jargonFinding(text, at, plain, { replace: replace !== false, formal: kind === 'formal' }));
    }
  }
  return findings;
}
