import type { Span } from '../text';
import type { Snippet } from './snippet';
import { maskedWording } from './template';

/** Shingles are runs of this many words: long enough that ordinary prose rarely shares one. */
const SHINGLE = 6;
/** Text shorter than this is a phrase anyone might write, not a pasted snippet. */
export const MIN_PASTED_WORDS = 25;
/** Shared shingles this far apart (in words) still belong to one pasted passage. */
const GAP = 12;
/** The share of a snippet's shingles a passage must have to count as the snippet, edited a little. */
const MIN_COVER = 0.6;

/** A passage of a document that is a snippet's text, or close to it. */
export interface PastedSnippet extends Span {
  readonly snippet: Snippet;
  /** Share of the snippet's shingles found in the passage (1 for an unedited copy). */
  readonly cover: number;
}

/**
 * Finds snippet text in a document that carries no provenance markers: an exact or near copy
 * of a snippet body of at least {@link MIN_PASTED_WORDS} words. Each snippet's wording (slots
 * left out) is cut into overlapping six-word shingles, hashed; the document's prose is read
 * word by word with a rolling hash, so the cost is one map look-up per word, whatever the
 * number of snippets, and no string is built per word.
 */
export class PastedSnippetFinder {
  readonly #snippets: readonly Snippet[];
  /** Shingle hash → the snippets that have it. */
  readonly #shingles = new Map<number, number[]>();
  /** Distinct shingles per snippet. */
  readonly #counts: number[];
  /**
   * One bit for each value of the low 20 bits of the hashes in {@link #shingles}: most shingles
   * of a document's prose are ruled out here, without a map look-up.
   */
  readonly #seen = new Uint32Array(1 << 15);

  /** @param snippets the library's current snippets; retired ones and short ones are left out. */
  constructor(snippets: readonly Snippet[]) {
    this.#snippets = snippets.filter((s) => s.status !== 'retired');
    this.#counts = this.#snippets.map((snippet, i) => {
      const wording = maskedWording(snippet.parts);
      let words = 0;
      const own = new Set<number>();
      forEachShingle(wording, [{ start: 0, end: wording.length }], () => words++, (hash) => own.add(hash));
      if (words < MIN_PASTED_WORDS) return 0;
      for (const hash of own) {
        this.#seen[(hash >>> 5) & 0x7fff] |= 1 << (hash & 31);
        const list = this.#shingles.get(hash);
        if (list) list.push(i);
        else this.#shingles.set(hash, [i]);
      }
      return own.size;
    });
  }

  /** Passages of `text`'s `prose` spans that are snippet text; at most one per snippet and place. */
  find(text: string, prose: readonly Span[]): PastedSnippet[] {
    if (this.#shingles.size === 0) return [];
    const runs = new Map<number, { start: number; end: number; last: number; hits: Set<number> }>();
    const found: PastedSnippet[] = [];
    const close = (i: number) => {
      const run = runs.get(i)!;
      runs.delete(i);
      const cover = run.hits.size / this.#counts[i];
      if (cover >= MIN_COVER) found.push({ start: run.start, end: run.end, snippet: this.#snippets[i], cover: Math.min(1, cover) });
    };
    let word = 0;
    const seen = this.#seen;
    forEachShingle(
      text,
      prose,
      () => word++,
      (hash, start, end) => {
        if ((seen[(hash >>> 5) & 0x7fff] & (1 << (hash & 31))) === 0) return;
        const owners = this.#shingles.get(hash);
        if (!owners) return;
        for (const i of owners) {
          const run = runs.get(i);
          if (run && word - run.last > GAP) close(i);
          const open = runs.get(i);
          if (open) {
            open.end = end;
            open.last = word;
            open.hits.add(hash);
          } else runs.set(i, { start, end, last: word, hits: new Set([hash]) });
        }
      },
    );
    for (const i of [...runs.keys()]) close(i);
    return found.sort((a, b) => a.start - b.start);
  }
}

// FNV-1a over a word's characters, ASCII letters folded to lower case; the rolling shingle hash
// combines word hashes polynomially (mod 2^32), so moving the window costs O(1). Shingle hashes
// stay signed 32-bit integers, which V8 keeps unboxed: cheaper map keys than unsigned ones, half
// of which would be boxed doubles.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const BASE = 0x9e3779b1;
const BASE_POW = powMod32(BASE, SHINGLE - 1);
const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

/**
 * Reads the words of `spans` of `text` in order, calling `onWord` for each and `onShingle` with
 * the hash and extent of every run of {@link SHINGLE} consecutive words. Words are letters and
 * digits, with inner apostrophes; `\uFFFC` (a masked slot) breaks the run of words.
 */
function forEachShingle(text: string, spans: readonly Span[], onWord: () => void, onShingle: (hash: number, start: number, end: number) => void): void {
  const hashes = new Array<number>(SHINGLE).fill(0);
  const starts = new Array<number>(SHINGLE).fill(0);
  let inWindow = 0;
  let rolling = 0;
  let n = 0;
  for (const span of spans) {
    let i = span.start;
    while (i < span.end) {
      const c = text.charCodeAt(i);
      if (c === 0xfffc) inWindow = 0;
      if (!isWordChar(text, i, c)) {
        i++;
        continue;
      }
      const start = i;
      let h = FNV_OFFSET;
      while (i < span.end) {
        let d = text.charCodeAt(i);
        if (!isWordChar(text, i, d)) {
          // An apostrophe between letters stays in the word: "Sjögren's", "don't".
          if ((d === 0x27 || d === 0x2019) && i + 1 < span.end && isWordChar(text, i + 1, text.charCodeAt(i + 1))) d = 0x27;
          else break;
        }
        if (d >= 65 && d <= 90) d += 32;
        h = Math.imul(h ^ d, FNV_PRIME);
        i++;
      }
      h >>>= 0;
      onWord();
      const slot = n % SHINGLE;
      const leaving = inWindow === SHINGLE ? hashes[slot] : 0;
      rolling = (Math.imul((rolling - Math.imul(leaving, BASE_POW)) | 0, BASE) + h) | 0;
      if (inWindow < SHINGLE) {
        // Rebuild the window's hash from scratch after a break, so a break leaves no trace.
        if (inWindow === 0) rolling = h;
        inWindow++;
      }
      hashes[slot] = h;
      starts[slot] = start;
      n++;
      if (inWindow === SHINGLE) onShingle(rolling, starts[n % SHINGLE], i);
    }
  }
}

function isWordChar(text: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return c !== 0xfffc && NON_ASCII_WORD.test(text[i]);
}

function powMod32(base: number, exponent: number): number {
  let out = 1;
  for (let i = 0; i < exponent; i++) out = Math.imul(out, base);
  return out;
}
