import { escape } from '../card';
import { UNITS_PER_PAUSE, type Sliced } from '../slices';
import type { StyleFinding } from '../style/style';
import { SMOG_SAMPLE_SENTENCES, gradesOf, longestSentences, readingParagraphs, type Grades, type ReadingInput, type ReadingReport, type Sentence, type TextStats } from './readability';

/** The reading grade plain-language guidance for patients asks for (US grade 6–8): the default target. */
export const DEFAULT_TARGET_GRADE = 8;

/**
 * Fewer words than this and a paragraph is not graded on its own: one long word swings the
 * grade of a short paragraph by several grades (a three-word list item can score grade 20).
 * It still counts in the document's and its section's grade.
 */
export const MIN_WORDS_TO_GRADE = 12;

/** Shown of a sentence in a one-line message. */
const QUOTED_CHARS = 80;

/** {@link readingGradeFindingsSliced}, run to its end. */
export function* readingGradeFindingsSliced(input: ReadingInput, targetGrade = DEFAULT_TARGET_GRADE): Sliced<StyleFinding[]> {
  const findings: StyleFinding[] = [];
  for (const [i, paragraph] of (yield* readingParagraphs(input)).entries()) {
    if (i % UNITS_PER_PAUSE === 0) yield;
    if (paragraph.stats.words < MIN_WORDS_TO_GRADE) continue;
    const { fleschKincaid } = gradesOf(paragraph.stats);
    if (!(fleschKincaid > targetGrade)) continue;
    const [longest] = longestSentences([paragraph], 1);
    findings.push({
      rule: 'reading-grade',
      // On the longest sentence, the one to split first, rather than a squiggle under the whole paragraph.
      start: longest.start,
      end: longest.end,
      message: `This paragraph reads at grade ${oneDecimal(fleschKincaid)} (Flesch-Kincaid; target ${targetGrade} or below). Its longest sentence, ${plural(longest.words, 'word')}: “${quoted(input.text, longest)}”`,
      fixes: [],
    });
  }
  return findings;
}

/** The sentence as a short one-line quote. */
export function quoted(text: string, sentence: Sentence): string {
  const line = text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ');
  return line.length <= QUOTED_CHARS ? line : `${line.slice(0, QUOTED_CHARS - 1).trimEnd()}…`;
}

/** A grade as shown to writers: one decimal. */
export function oneDecimal(grade: number): string {
  return grade.toFixed(1);
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** The grades as one phrase: `Flesch-Kincaid 9.2, SMOG 10.1 (rough: 12 sentences)`. */
export function gradesText(grades: Grades, stats: Pick<TextStats, 'sentences'>): string {
  const rough = grades.smogReliable ? '' : ` (rough: ${plural(stats.sentences, 'sentence')}, SMOG needs ${SMOG_SAMPLE_SENTENCES})`;
  return `Flesch-Kincaid ${oneDecimal(grades.fleschKincaid)}, SMOG ${oneDecimal(grades.smog)}${rough}`;
}

/**
 * The reading report as Markdown, escaped (headings and sentences are the writer's text): the
 * document's grades against the target, then a table of sections (words, sentences, both
 * grades) and each section's longest sentences with their line.
 */
export function readingReportMarkdown(report: ReadingReport, text: string, options: { readonly title: string; readonly targetGrade: number; readonly lineOf: (offset: number) => number }): string {
  const { stats, grades } = report;
  const lines = [`# Reading grade: ${escape(options.title)}`, ''];
  if (stats.words === 0) return [...lines, 'This document has no prose to grade.'].join('\n');
  const verdict = grades.fleschKincaid > options.targetGrade ? `above the target of grade ${options.targetGrade}` : `within the target of grade ${options.targetGrade}`;
  lines.push(`**Grade ${oneDecimal(grades.fleschKincaid)}** (Flesch-Kincaid), ${verdict}. SMOG ${oneDecimal(grades.smog)}${grades.smogReliable ? '' : ` — rough: SMOG is calibrated on ${SMOG_SAMPLE_SENTENCES} sentences, this document has ${stats.sentences}`}.`, '');
  lines.push(`${plural(stats.words, 'word')}, ${plural(stats.sentences, 'sentence')}, counted in prose only: headings, lists' markers, tables, code and links' addresses are left out; a list item is a sentence.`, '');
  lines.push('| Section | Words | Sentences | Flesch-Kincaid | SMOG |', '| --- | ---: | ---: | ---: | ---: |');
  for (const s of report.sections) {
    const over = s.grades.fleschKincaid > options.targetGrade ? ' ⚠' : '';
    lines.push(`| ${sectionName(s.heading)} | ${s.stats.words} | ${s.stats.sentences} | ${oneDecimal(s.grades.fleschKincaid)}${over} | ${oneDecimal(s.grades.smog)}${s.grades.smogReliable ? '' : '*'} |`);
  }
  lines.push('', `\\* rough: fewer than ${SMOG_SAMPLE_SENTENCES} sentences. ⚠ above the target.`, '', '## Longest sentences', '');
  for (const s of report.sections) {
    lines.push(`**${sectionName(s.heading)}**`, '');
    for (const sentence of s.longest) lines.push(`- line ${options.lineOf(sentence.start)}, ${plural(sentence.words, 'word')}: ${escape(quoted(text, sentence))}`);
    lines.push('');
  }
  return lines.join('\n');
}

function sectionName(heading: string | undefined): string {
  // `escape` also escapes `|`, so a heading cannot add a column to the table.
  return heading === undefined ? '*(before the first heading)*' : escape(heading) || '*(empty heading)*';
}
