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
 * Maps offsets to lines and columns. Lines end at `\n`; a `\r` before it belongs to the line
 * break, so CRLF documents give the same columns as LF ones.
 */
export class LineMap {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
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
