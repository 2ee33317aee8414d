/**
 * The CLI's output, written in bounded chunks: a scan of a large document can produce more JSON
 * than V8 can hold in one string (about 512 MB), so output is never built whole. Text for a
 * terminal has its control characters made visible (see `terminalField` in the core).
 */

/** Longest text passed to `out` at once, in UTF-16 code units. */
export const CHUNK_SIZE = 64 * 1024;

/**
 * Collects output and passes it on in chunks of at most {@link CHUNK_SIZE} code units (never
 * splitting a surrogate pair, which a UTF-8 encoder would turn into two U+FFFD). Call `end` to
 * pass on the rest.
 */
export class ChunkedWriter {
  #buffer = '';
  readonly #out: (text: string) => void;
  readonly #size: number;

  constructor(out: (text: string) => void, size = CHUNK_SIZE) {
    this.#out = out;
    this.#size = size;
  }

  write(text: string): void {
    this.#buffer += text;
    if (this.#buffer.length >= this.#size) this.#flush(false);
  }

  /** Passes on whatever is left. */
  end(): void {
    this.#flush(true);
  }

  #flush(all: boolean): void {
    const text = this.#buffer;
    let at = 0;
    while (text.length - at >= this.#size || (all && at < text.length)) {
      let end = Math.min(at + this.#size, text.length);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && end - at > 1 && last >= 0xd800 && last <= 0xdbff) end--; // keep the pair together
      this.#out(text.slice(at, end));
      at = end;
    }
    this.#buffer = text.slice(at);
  }
}

// Characters JSON.stringify leaves raw that a terminal may act on or show misleadingly: DEL and
// C1 controls (U+009B is CSI to some terminals), line and paragraph separators, bidirectional
// overrides and isolates. `\u009b` in a JSON string is the same character to every JSON reader.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `JSON.stringify(value, null, 2)`, with the characters above written as `\uXXXX` escapes. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Writes `{ [key]: records }` followed by a newline, byte for byte as
 * `jsonText({ [key]: records }) + '\n'` would, one record at a time.
 */
export function writeJsonList(writer: ChunkedWriter, key: string, records: Iterable<unknown>): void {
  writer.write(`{\n  ${JSON.stringify(key)}: [`);
  let first = true;
  for (const record of records) {
    // A record's own lines, indented to sit two levels deep; JSON strings hold no raw newline.
    writer.write(`${first ? '' : ','}\n    ${jsonText(record).replace(/\n/g, '\n    ')}`);
    first = false;
  }
  writer.write(first ? ']\n}\n' : '\n  ]\n}\n');
}
