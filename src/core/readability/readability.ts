import { fleschKincaid } from 'flesch-kincaid';
import { smogFormula } from 'smog-formula';
import { syllable } from 'syllable';
import { UNITS_PER_PAUSE, finish, type Sliced } from '../slices';
import type { Span } from '../text';

/**
 * Readability measures for plain-language text: syllable counts, Flesch-Kincaid grade and SMOG,
 * for a definition (`textStats`) or a whole Markdown document read as prose (`readingReport`).
 * The one place MedTerms grades text: the knowledge-base build, the snippet checks, the
 * `reading-grade` rule, the status bar and `medterms grade` all count the same way.
 *
 * Syllables are counted by the `syllable` package and the grades computed by `flesch-kincaid`
 * and `smog-formula` (all MIT, by the author of retext-readability), the counter writers' tools
 * already use, rather than a copy of our own. Heuristic, like every syllable counter, but
 * deterministic: the same text always gets the same grade, which a "grade 8 or below" check needs.
 */

/** Counts of the things readability formulas are built from. */
export interface TextStats {
  readonly sentences: number;
  readonly words: number;
  readonly syllables: number;
  /** Words of three or more syllables. */
  readonly polysyllables: number;
}

/** Both grades of a text, in US school grades. */
export interface Grades {
  readonly fleschKincaid: number;
  readonly smog: number;
  /** Whether the text has the 30 sentences SMOG was calibrated on; below that, SMOG is a rough guide only. */
  readonly smogReliable: boolean;
}

/** The sample SMOG was designed for (McLaughlin 1969: ten sentences from each of three places). */
export const SMOG_SAMPLE_SENTENCES = 30;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/uy;
// The end of a sentence: a run of end marks followed by closing quotes, brackets or emphasis,
// then white space or the end of the piece ("2.5" and "e.g.x" are not ends).
const SENTENCE_END = /[.!?]+(?=["'”’)\]*_]*(?:\s|$))/y;
const SKIP = /[^\p{L}\p{N}.!?]+/uy;
// Abbreviations whose full stop does not end a sentence in health writing ("e.g. rest", "Dr. Lee").
const NOT_AN_END = /(?:^|[^\p{L}])(?:e\.g|i\.e|dr|mr|mrs|ms|vs|approx)$/iu;
// Longer than the longest word in major English dictionaries (45 letters): a "word" past it is
// counted in pieces, since the syllable counter's patterns are slow on long runs of letters.
const LONGEST_WORD = 45;
const DIGITS = /^\p{N}+$/u;

// A document repeats its words: each distinct word is counted once (the counter takes about
// 9 µs a word, a look-up well under one). Emptied past a bound, so memory stays small.
const syllableCache = new Map<string, number>();
const SYLLABLE_CACHE_SIZE = 50_000;

/**
 * Syllables in one English word, as the `syllable` package counts them (at least 1). A number
 * counts as one syllable (the formulas' authors counted numbers as words, not how they are read
 * aloud); a run of letters longer than any dictionary word is counted in 45-letter pieces.
 */
export function countSyllables(word: string): number {
  let n = syllableCache.get(word);
  if (n === undefined) {
    if (syllableCache.size >= SYLLABLE_CACHE_SIZE) syllableCache.clear();
    if (DIGITS.test(word)) n = 1;
    else if (word.length <= LONGEST_WORD) n = Math.max(1, syllable(word));
    else for (let at = (n = 0); at < word.length; at += LONGEST_WORD) n += countSyllables(word.slice(at, at + LONGEST_WORD));
    syllableCache.set(word, n);
  }
  return n;
}

/** Flesch-Kincaid grade and SMOG of the counts; 0 for a text without words. */
export function gradesOf(stats: TextStats): Grades {
  if (stats.words === 0) return { fleschKincaid: 0, smog: 0, smogReliable: false };
  return {
    fleschKincaid: fleschKincaid({ sentence: stats.sentences, word: stats.words, syllable: stats.syllables }),
    // SMOG on fewer than 30 sentences is scaled to 30, as the formula's author suggests.
    smog: smogFormula({ sentence: stats.sentences, polysillabicWord: stats.polysyllables }),
    smogReliable: stats.sentences >= SMOG_SAMPLE_SENTENCES,
  };
}

/** Sentence, word and syllable counts of plain text (no Markdown). A text without end punctuation is one sentence. */
export function textStats(text: string): TextStats {
  const sentences: Sentence[] = [];
  finish(readSentences(text, [{ start: 0, end: text.length, opensSentence: true }], sentences));
  return sentences.length ? sum(sentences) : { sentences: 1, words: 0, syllables: 0, polysyllables: 0 };
}

/** Flesch-Kincaid grade level (US school grade) of plain text. 0 for text without words. */
export function fleschKincaidGrade(text: string): number {
  return gradesOf(textStats(text)).fleschKincaid;
}

/** SMOG grade of plain text, scaled to 30 sentences when shorter (see {@link gradesOf}). 0 for text without words. */
export function smogGrade(text: string): number {
  return gradesOf(textStats(text)).smog;
}

/** One sentence of a document, `[start, end)` from its first word to its end mark (UTF-16 offsets). */
export interface Sentence extends Span, TextStats {}

/** A paragraph of prose as it is graded: a paragraph, or a list read as one (its items are sentences). */
export interface ReadingParagraph extends Span {
  readonly stats: TextStats;
  readonly sentences: readonly Sentence[];
}

/** What the grading reads of a Markdown document (see `DocumentAnalysis`). */
export interface ReadingInput {
  readonly text: string;
  readonly prose: readonly Span[];
  readonly headings: readonly Span[];
  /** Tables are left out of the grade; without them, their cells read as prose. */
  readonly tables?: readonly Span[];
}

/** A stretch of prose to read for sentences; `opensSentence`: a sentence ends before it (a list item starts). */
interface Piece extends Span {
  readonly opensSentence: boolean;
}

// At the start of a line of prose: block-quote marks, then a list marker (and a task box).
const LINE_MARKERS = /[ \t]*(?:>[ \t]?)*[ \t]*((?:[-*+]|\d{1,9}[.)])(?:[ \t]+|(?=[\r\n]|$))(?:\[[ xX]\][ \t]+)?)?/y;

/**
 * The document's prose, read as a reader reads it, in paragraphs of sentences: without front
 * matter, code, HTML, URLs (not prose spans at all), headings, tables, quote marks and list
 * markers. A paragraph is a run of prose spans with no line break between them: a paragraph,
 * or a tight list (each item ends a sentence, as readers read an item without a full stop as a
 * sentence). Linear in the text; pauses between runs of words.
 */
export function* readingParagraphs({ text, prose, headings, tables = [] }: ReadingInput): Sliced<ReadingParagraph[]> {
  const paragraphs: ReadingParagraph[] = [];
  const skipped = [...headings, ...tables].sort((a, b) => a.start - b.start);
  let s = 0;
  let pieces: Piece[] = [];
  let previous: Span | undefined;
  // One count of work across paragraphs, so that a run of short paragraphs pauses too.
  const pace = { units: 0 };
  const close = function* () {
    const sentences: Sentence[] = [];
    yield* readSentences(text, pieces, sentences, pace);
    if (sentences.length) paragraphs.push({ start: sentences[0].start, end: sentences[sentences.length - 1].end, stats: sum(sentences), sentences });
    pieces = [];
  };
  for (const [i, span] of prose.entries()) {
    if (i % UNITS_PER_PAUSE === 0) yield;
    while (s < skipped.length && skipped[s].end <= span.start) s++;
    if (s < skipped.length && skipped[s].start < span.end) continue;
    if (previous && /[\r\n]/.test(text.slice(previous.end, span.start))) yield* close();
    previous = span;
    linePieces(text, span, pieces);
  }
  yield* close();
  return paragraphs;
}

/** The pieces of a prose span: its lines, each without its quote marks and list marker. */
function linePieces(text: string, span: Span, pieces: Piece[]): void {
  for (let at = span.start; at < span.end; ) {
    let lineEnd = at;
    while (lineEnd < span.end && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    let start = at;
    let opensSentence = false;
    const atLineStart = at === 0 || text.charCodeAt(at - 1) === 10 || text.charCodeAt(at - 1) === 13;
    if (atLineStart) {
      LINE_MARKERS.lastIndex = at;
      const marks = LINE_MARKERS.exec(text)!;
      start = Math.min(lineEnd, at + marks[0].length);
      opensSentence = marks[1] !== undefined;
    }
    if (start < lineEnd) pieces.push({ start, end: lineEnd, opensSentence });
    at = lineEnd;
    while (at < span.end && (text.charCodeAt(at) === 10 || text.charCodeAt(at) === 13)) at++;
  }
}

/**
 * Adds the sentences of `pieces` (in order) to `sentences`; the last ends where the pieces end.
 * Pauses every {@link UNITS_PER_PAUSE} tokens, counted in `pace` (shared by a document's paragraphs).
 */
function* readSentences(text: string, pieces: readonly Piece[], sentences: Sentence[], pace = { units: 0 }): Sliced<void> {
  let open: { start: number; end: number; words: number; syllables: number; polysyllables: number } | undefined;
  const end = () => {
    if (open && open.words > 0) sentences.push({ ...open, sentences: 1 });
    open = undefined;
  };
  for (const piece of pieces) {
    if (piece.opensSentence) end();
    // Read on its own, so that no pattern looks past the piece (a search may run far in the text).
    const part = text.slice(piece.start, piece.end);
    for (let at = 0; at < part.length; ) {
      if (++pace.units % UNITS_PER_PAUSE === 0) yield;
      WORD.lastIndex = at;
      const word = WORD.exec(part);
      if (word) {
        const n = countSyllables(word[0]);
        open ??= { start: piece.start + at, end: 0, words: 0, syllables: 0, polysyllables: 0 };
        open.words++;
        open.syllables += n;
        if (n >= 3) open.polysyllables++;
        at = WORD.lastIndex;
        open.end = piece.start + at;
        continue;
      }
      SENTENCE_END.lastIndex = at;
      const mark = SENTENCE_END.exec(part);
      if (mark) {
        at = SENTENCE_END.lastIndex;
        if (open && !(mark[0] === '.' && NOT_AN_END.test(part.slice(Math.max(0, mark.index - 7), mark.index)))) {
          open.end = piece.start + at;
          end();
        }
        continue;
      }
      SKIP.lastIndex = at;
      at = SKIP.exec(part) ? SKIP.lastIndex : at + 1;
    }
  }
  end();
}

/** The counts of several sentences or paragraphs together. */
function sum(parts: readonly TextStats[]): TextStats {
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  let polysyllables = 0;
  for (const p of parts) {
    sentences += p.sentences;
    words += p.words;
    syllables += p.syllables;
    polysyllables += p.polysyllables;
  }
  return { sentences, words, syllables, polysyllables };
}

/** One section of the reading report: the prose under a heading, up to the next heading. */
export interface ReadingSection {
  /** The heading's text, without its `#` marks; `undefined` for the prose before the first heading. */
  readonly heading: string | undefined;
  /** Where the section starts: its heading's line, or 0. */
  readonly start: number;
  readonly stats: TextStats;
  readonly grades: Grades;
  /** Its longest sentences (by words), longest first, at most {@link LONGEST_SENTENCES}. */
  readonly longest: readonly Sentence[];
}

/** A document's reading grade, overall and by section. */
export interface ReadingReport {
  readonly stats: TextStats;
  readonly grades: Grades;
  /** Sections with prose, in document order. */
  readonly sections: readonly ReadingSection[];
  readonly paragraphs: readonly ReadingParagraph[];
}

/** How many of a section's longest sentences the report names. */
export const LONGEST_SENTENCES = 3;

/** {@link readingReportSliced}, run to its end. */
export function readingReport(input: ReadingInput): ReadingReport {
  return finish(readingReportSliced(input));
}

/**
 * The reading grade of a Markdown document's prose (see {@link readingParagraphs}), overall and
 * for each section under a heading (any level), with each section's longest sentences.
 */
export function* readingReportSliced(input: ReadingInput): Sliced<ReadingReport> {
  const paragraphs = yield* readingParagraphs(input);
  const sections: ReadingSection[] = [];
  const { headings } = input;
  let p = 0;
  for (let h = -1; h < headings.length; h++) {
    const from = h < 0 ? 0 : headings[h].start;
    const to = h + 1 < headings.length ? headings[h + 1].start : Infinity;
    const inside: ReadingParagraph[] = [];
    for (; p < paragraphs.length && paragraphs[p].start < to; p++) if (paragraphs[p].start >= from) inside.push(paragraphs[p]);
    if (inside.length === 0) continue;
    const stats = sum(inside.map((q) => q.stats));
    sections.push({ heading: h < 0 ? undefined : headingText(input.text, headings[h]), start: from, stats, grades: gradesOf(stats), longest: longestSentences(inside, LONGEST_SENTENCES) });
    yield;
  }
  const stats = sum(paragraphs.map((q) => q.stats));
  return { stats, grades: gradesOf(stats), sections, paragraphs };
}

/** The `count` longest sentences of the paragraphs, by words, longest first (the earlier of equals first). */
export function longestSentences(paragraphs: readonly ReadingParagraph[], count: number): Sentence[] {
  const longest: Sentence[] = [];
  for (const paragraph of paragraphs) {
    for (const sentence of paragraph.sentences) {
      if (longest.length === count && sentence.words <= longest[count - 1].words) continue;
      let i = longest.length;
      while (i > 0 && longest[i - 1].words < sentence.words) i--;
      longest.splice(i, 0, sentence);
      if (longest.length > count) longest.pop();
    }
  }
  return longest;
}

/** A heading's text: its line without the `#` marks (ATX) and surrounding space. */
function headingText(text: string, heading: Span): string {
  const line = text.slice(heading.start, heading.end).split(/\r\n?|\n/)[0];
  return line.replace(/^[ \t]*(?:>[ \t]?)*[ \t]*#{1,6}(?=[ \t]|$)/, '').replace(/[ \t]+#+[ \t]*$|^#+$/, '').trim();
}
