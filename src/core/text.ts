/** Small text utilities shared by the core: spans and offset ↔ line/column conversion. */

/** Half-open UTF-16 span `[start, end)` into the text passed in. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Zero-based line and UTF-16 column. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps offsets to lines and columns. Lines end at `\n`, `\r\n` or a lone `\r`, as in VS Code and
 * markdown-it, so CRLF documents give the same columns as LF ones and an old Mac file is not
 * one long line.
 */
export class LineMap {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.#starts.push(i + 1);
    }
  }

  /** Number of lines (a text without line breaks has one). */
  get lineCount(): number {
    return this.#starts.length;
  }

  /** Offset of the first character of zero-based `line`. */
  lineStart(line: number): number {
    return this.#starts[Math.max(0, Math.min(line, this.#starts.length - 1))];
  }

  /** Zero-based line and column of `offset` (clamped to the text). */
  position(offset: number): LineColumn {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - this.#starts[lo] };
  }
}

/** One-based line of `offset` in `text`; used in problem messages ("file:line"). */
export function lineOfOffset(text: string, offset: number): number {
  return new LineMap(text).position(offset).line + 1;
}

const BLOCK = 256;

/** Where two versions of a text differ: `[start, oldEnd)` of the old became `[start, newEnd)` of the new. */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * The one range in which `after` differs from `before` (their common prefix and suffix cut
 * off), or `undefined` when they are equal. Comparing the texts, rather than replaying editor
 * events, works across any number of edits between two analysed versions.
 */
export function changedRange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  // Whole blocks first, compared natively, then character by character: a 1 MB document is
  // compared in well under a millisecond.
  let start = 0;
  while (start + BLOCK <= shorter && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  const room = shorter - start;
  while (tail + BLOCK <= room && before.slice(before.length - tail - BLOCK, before.length - tail) === after.slice(after.length - tail - BLOCK, after.length - tail)) tail += BLOCK;
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/**
 * The number of leading items, of `count` sorted ones, for which `isBefore(i)` holds — the
 * index of the first for which it does not — by binary search.
 */
export function partitionPoint(count: number, isBefore: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// What may stand between the start of a sentence, a heading, a list item or a block quote and
// its first word: the line start (`\n`) with block markers, or closing punctuation and space;
// then emphasis, quotes or a bracket ("**Numbness.** *Tingling*", "(Lupus").
const SENTENCE_START = /(?:\n[ \t]*(?:(?:#{1,6}|[-*+>]|\d+[.)])[ \t]+)*|[.!?:][*_)"'”’]*\s+)[*_"“‘'([]*$/;
// Enough to see the longest such run; looking further back would cost per term on a long line.
const LOOK_BACK = 24;

/**
 * `term` as it should stand at `offset` in `text`: with a capital first letter at the start of a
 * sentence, a heading, a list item or a block quote, or when `written` (the text it replaces, as
 * the writer typed it) starts with a capital; otherwise unchanged. A term that starts with a
 * capital or a non-letter is never changed. Looks back a few characters only, so it costs the
 * same on a 100 KB line; text that starts within that distance counts as a line start.
 */
export function casedAt(term: string, text: string, offset: number, written = ''): string {
  const capital = startsSentence(text, offset) || /^\p{Lu}/u.test(written);
  return capital && /^\p{Ll}/u.test(term) ? term[0].toUpperCase() + term.slice(1) : term;
}

/**
 * Whether a word at `offset` starts a sentence, a heading, a list item or a block quote (see
 * {@link casedAt}), where a capital letter says nothing about the word. Looks back a few
 * characters only.
 */
export function startsSentence(text: string, offset: number): boolean {
  const from = Math.max(0, offset - LOOK_BACK);
  return SENTENCE_START.test((from === 0 ? '\n' : '') + text.slice(from, offset));
}

/** A date as `YYYY-MM-DD` in the local time zone: the day a writer reads review dates against. */
export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
