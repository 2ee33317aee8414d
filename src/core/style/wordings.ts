import { foldCase, forEachWord, joinedWords } from '../match/normalize';
import { partitionPoint, type Span } from '../text';

/**
 * The words of one prose span, as parallel arrays (no object per word: a 1 MB line has 200,000
 * words): offsets, and each word case- and diacritic-folded (`Diabetics` → `diabetics`).
 * Plurals are kept apart, unlike term keys: `a diabetic` and `diabetics` take different rewrites.
 */
export interface SpanWords {
  readonly starts: number[];
  readonly ends: number[];
  readonly folded: string[];
}

/** The words of `text[span.start, span.end)` (see {@link SpanWords}), with the core's definition of a word. */
export function spanWords(text: string, span: Span): SpanWords {
  const words: SpanWords = { starts: [], ends: [], folded: [] };
  forEachWord(text, span.start, span.end, (start, end, raw) => {
    words.starts.push(start);
    words.ends.push(end);
    words.folded.push(foldCase(raw));
  });
  return words;
}

/** The folded words of a wording, as {@link WordingMatcher} matches them. */
function wordingWords(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, 0, text.length, (_start, _end, raw) => words.push(foldCase(raw)));
  return words;
}

/**
 * What makes two wordings one for {@link WordingMatcher}: their folded words joined by a space
 * (`Wheelchair-bound` and `wheelchair bound` have one key). A team's list overrides a bundled
 * wording by this key.
 */
export function wordingKey(text: string): string {
  return wordingWords(text).join(' ');
}

/** A wording found in prose: the item it belongs to and its words `[first, last]` in the span's {@link SpanWords}. */
export interface WordingMatch<T> {
  readonly item: T;
  readonly first: number;
  readonly last: number;
}

/**
 * A list of wordings (`suffers from`, `wheelchair-bound`, `prognosis`) found word for word in
 * prose, case-insensitively, with spaces, one hyphen or one line break between the words (as
 * between the words of a term: see `joinedWords`). Linear: at each word, only the wordings that
 * start with that word are tried, each a few words long. Shared by the general-jargon and
 * person-first rules.
 */
export class WordingMatcher<T> {
  /** By first folded word: the wordings' folded words and their item, longest first. */
  readonly #byFirst = new Map<string, { readonly words: readonly string[]; readonly item: T }[]>();

  constructor(items: readonly T[], wording: (item: T) => string) {
    for (const item of items) {
      const words = wordingWords(wording(item));
      if (words.length === 0) continue;
      const list = this.#byFirst.get(words[0]) ?? [];
      // The first item listed for a wording wins (`wheelchair bound` and `wheelchair-bound` are one wording here).
      if (!list.some((known) => known.words.join(' ') === words.join(' '))) list.push({ words, item });
      list.sort((a, b) => b.words.length - a.words.length);
      this.#byFirst.set(words[0], list);
    }
  }

  /** The longest wording that starts at word `i` of `words` (in `text`) and that `accept` takes, or `undefined`. */
  longestAt(text: string, words: SpanWords, i: number, accept: (match: WordingMatch<T>) => boolean = () => true): WordingMatch<T> | undefined {
    const candidates = this.#byFirst.get(words.folded[i]);
    if (!candidates) return undefined;
    for (const { words: wanted, item } of candidates) {
      const last = i + wanted.length - 1;
      if (last >= words.folded.length) continue;
      let k = 1;
      while (k < wanted.length && words.folded[i + k] === wanted[k] && joinedWords(text, words.ends[i + k - 1], words.starts[i + k])) k++;
      if (k === wanted.length) {
        const match = { item, first: i, last };
        if (accept(match)) return match;
      }
    }
    return undefined;
  }
}

/**
 * A test of whether a span overlaps any of `spans` (sorted, not overlapping), for spans asked
 * about in order of position: one pass over `spans` in all. The rules use it to leave alone the
 * words of knowledge-base terms, which the term rules already judge.
 */
export function overlapTest(spans: readonly Span[]): (span: Span) => boolean {
  let k = 0;
  return ({ start, end }) => {
    while (k < spans.length && spans[k].end <= start) k++;
    return k < spans.length && spans[k].start < end;
  };
}

/**
 * A test of whether one of `spans` (sorted) starts at a position: a binary search, with nothing
 * built first — a 10 MB document has 200,000 hits, and a set of their starts would hold the
 * editor for tens of milliseconds at once.
 */
export function startTest(spans: readonly Span[]): (position: number | undefined) => boolean {
  return (position) => {
    if (position === undefined) return false;
    const k = partitionPoint(spans.length, (i) => spans[i].start < position);
    return k < spans.length && spans[k].start === position;
  };
}

/**
 * Where the text of a link ends the span (`see [the prognosis page` before `](…)`, whose
 * destination is not prose) starts, or `span.end` when the span ends otherwise. Words in a
 * link's text name the page they lead to, so the rules leave them as written. Reads the span
 * once.
 */
export function linkTextStart(text: string, span: Span): number {
  if (!text.startsWith('](', span.end)) return span.end;
  const open = text.slice(span.start, span.end).lastIndexOf('[');
  return open === -1 ? span.start : span.start + open;
}
