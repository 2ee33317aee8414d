import type { StyleFinding, StyleFix } from '../style/style';
import { LineMap, partitionPoint, type Span } from '../text';
import type { SnippetLibrary } from './library';
import { CLOSE_MARKER, findMarkedBlocks, openMarker, type MarkedBlock } from './markers';
import { PastedSnippetFinder } from './nearMatch';
import type { Snippet } from './snippet';
import { matchesTemplate, matchesWording, normalizeWording, renderDefaults } from './template';

export interface SnippetCheckOptions {
  /** Today's date, `YYYY-MM-DD`: a review due before it has lapsed. */
  readonly today: string;
  /** Finds snippet text pasted without markers; without it, such text is not looked for. */
  readonly pasted?: PastedSnippetFinder;
}

/**
 * A snippet inserted with its markers, in the document's line endings: as plain text (slots at
 * their defaults) and in VS Code snippet syntax (slots to tab through).
 */
export function markedSnippet(snippet: Snippet, eol = '\n', markers = true): { text: string; snippet: string } {
  const lines = (body: string) => body.replace(/\r?\n/g, eol);
  const wrap = (body: string) => (markers ? `${openMarker(snippet.id, snippet.version, snippet.hash)}${eol}${lines(body)}${eol}${CLOSE_MARKER}` : lines(body));
  // The markers carry no `$`, `}` or `\`, so they are literal in snippet syntax as they are.
  return { text: wrap(renderDefaults(snippet.parts)), snippet: wrap(snippet.body) };
}

/**
 * What a document's vetted snippets need the writer to know, as plain-language findings:
 *
 * - `snippet-edited`: the text between a block's markers is no longer its version's vetted
 *   wording (whitespace, line wrapping and what fills its slots do not count). Fixes: restore
 *   the vetted text (slots to fill again), or detach (drop the markers, keep the text).
 * - `snippet-outdated`: the library has a newer version, or its text for this version is not
 *   the text the block was inserted from (the hash differs). Fix: update, after a preview.
 * - `snippet-review-due`: the snippet's review date has passed, or it has been retired.
 * - `snippet-marker`: a marker MedTerms cannot use: an unknown id or version, a start without an
 *   end, an end without a start, nested blocks.
 * - `snippet-unmarked`: a passage of 25 words or more that is a snippet's text, or close to it,
 *   with no markers. Fix: mark it (an exact copy) or replace it with the vetted text (after a preview).
 *
 * Never throws; linear in the text. Findings come sorted by start.
 */
export function snippetFindings(text: string, prose: readonly Span[], library: SnippetLibrary, options: SnippetCheckOptions): StyleFinding[] {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const { blocks, problems } = findMarkedBlocks(text);
  const findings: StyleFinding[] = problems.map(({ start, end, message }) => ({ rule: 'snippet-marker', start, end, message, fixes: [] }));
  for (const block of blocks) findings.push(...blockFindings(text, block, library, options.today, eol));
  if (options.pasted) findings.push(...pastedFindings(text, outside(prose, blocks), options.pasted, eol));
  return findings.sort((a, b) => a.start - b.start);
}

function blockFindings(text: string, block: MarkedBlock, library: SnippetLibrary, today: string, eol: string): StyleFinding[] {
  const current = library.get(block.id);
  const detach: StyleFix = { title: 'Detach: remove the snippet markers, keep the text', start: block.start, end: block.end, replacement: text.slice(block.body.start, block.body.end).replace(/\r?\n$/, '') };
  const at = (rule: StyleFinding['rule'], span: Span, message: string, fixes: StyleFix[] = []): StyleFinding => ({ rule, start: span.start, end: span.end, message, fixes });
  if (!current) return [at('snippet-marker', block.open, `No snippet "${block.id}" is in the snippet library, so this block cannot be checked.`, [detach])];

  const out: StyleFinding[] = [];
  const name = `“${current.title}”`;
  const inserted = library.version(block.id, block.version);
  if (!Number.isInteger(block.version) || block.version > current.version) {
    out.push(at('snippet-marker', block.open, `This marker names ${Number.isInteger(block.version) ? `v${block.version}` : 'no version'} of ${name}; the library has v${current.version}.`, [detach]));
  } else if (inserted && inserted.hash !== block.hash) {
    const fix = update(text, block, current, eol);
    out.push(at('snippet-outdated', block.open, `The library's text of ${name} v${block.version} differs from the text this block was inserted from; update to the library's v${current.version}.`, [fix]));
  } else if (current.version > block.version) {
    out.push(at('snippet-outdated', block.open, `${name} has a newer version in the library: v${current.version} (this block has v${block.version}).`, [update(text, block, current, eol)]));
  }
  if (inserted && inserted.hash === block.hash && !matchesTemplate(inserted.parts, text.slice(block.body.start, block.body.end))) {
    const restored = { text: `${renderDefaults(inserted.parts)}${eol}`.replace(/\r?\n/g, eol), snippet: `${inserted.body}${eol}`.replace(/\r?\n/g, eol) };
    const restore: StyleFix = { title: `Restore the vetted text (v${inserted.version})`, start: block.body.start, end: block.body.end, replacement: restored.text, snippet: restored.snippet };
    out.push(at('snippet-edited', block, `This block's text has been edited since the vetted snippet ${name} v${inserted.version} was inserted.`, [restore, detach]));
  }
  if (current.status === 'retired') out.push(at('snippet-review-due', block.open, `${name} has been retired from the snippet library; remove this text or replace it.`, [detach]));
  else if (current.reviewDue < today) out.push(at('snippet-review-due', block.open, `The review of ${name} was due on ${current.reviewDue}; check the text is still current before publishing.`));
  return out;
}

function update(text: string, block: MarkedBlock, current: Snippet, eol: string): StyleFix {
  const next = markedSnippet(current, eol);
  return { title: `Update to v${current.version}`, start: block.start, end: block.end, replacement: next.text, snippet: next.snippet, preview: true };
}

function pastedFindings(text: string, prose: readonly Span[], finder: PastedSnippetFinder, eol: string): StyleFinding[] {
  const found = finder.find(text, prose);
  if (found.length === 0) return [];
  // Many passages may stand on one line (a long line of pasted copies). What a finding reads of
  // its passage's lines — where they start and end, their sentences, whether they are the
  // snippet's text — is read once per run of lines (and snippet), not once per passage: read
  // per passage, a 256 KB line of copies took 5 s.
  const lineMap = new LineMap(text);
  const linesOf = new Map<string, PassageLines>();
  /** Per snippet: its wording normalised (slots at their defaults), and its text as inserted with markers. */
  const vettedOf = new Map<Snippet, { wording: string; marked: { text: string; snippet: string } }>();
  return found.map(({ start, end, snippet, cover }) => {
    const lineStart = lineMap.lineStart(lineMap.position(start).line);
    const endLine = lineMap.position(end).line;
    const nextBreak = endLine + 1 < lineMap.lineCount ? lineMap.lineStart(endLine + 1) - 1 : -1;
    const lineEnd = nextBreak === -1 ? text.length : text[nextBreak - 1] === '\r' ? nextBreak - 1 : nextBreak;
    const key = `${lineStart} ${lineEnd}`;
    let lines = linesOf.get(key);
    if (!lines) linesOf.set(key, (lines = new PassageLines(text, lineStart, lineEnd)));
    const name = `“${snippet.title}” (v${snippet.version})`;
    const mark = lines.markedAs(snippet, eol);
    if (mark !== undefined) {
      const fix: StyleFix = { title: 'Mark as vetted snippet', start: lineStart, end: lineEnd, replacement: mark };
      return { rule: 'snippet-unmarked', start, end, message: `This is the text of the vetted snippet ${name}, without its markers; mark it so edits and updates are noticed.`, fixes: [fix] };
    }
    // Markers must stand on lines of their own; the writer's own sentences on the passage's lines stay.
    let vetted = vettedOf.get(snippet);
    if (!vetted) vettedOf.set(snippet, (vetted = { wording: normalizeWording(renderDefaults(snippet.parts)), marked: markedSnippet(snippet, eol) }));
    const span = lines.nearCopySpan(start, end, snippet, vetted.wording);
    const before = span.start === lineStart ? '' : eol;
    const after = span.end === lineEnd ? '' : eol;
    const next = vetted.marked;
    const replace: StyleFix = { title: 'Replace with the vetted text', ...span, replacement: before + next.text + after, snippet: before + next.snippet + after, preview: true };
    const share = Math.round(cover * 100);
    return { rule: 'snippet-unmarked', start, end, message: `This passage is close to the vetted snippet ${name} (${share}% of its wording), without its markers.`, fixes: [replace] };
  });
}

/**
 * The whole lines `text[lineStart, lineEnd)` that hold pasted passages, and what the findings
 * of those passages read of them, each read once: whether they are a snippet's text, their
 * sentences, and which runs of sentences are a snippet's own wording.
 */
class PassageLines {
  readonly #text: string;
  readonly #start: number;
  readonly #end: number;
  #sentences: Span[] | undefined;
  /** Each sentence normalised, as it is first needed. */
  readonly #sentenceWording: (string | undefined)[] = [];
  /** The lines' text normalised (see `normalizeWording`), for testing it against each snippet. */
  #normalized: string | undefined;
  readonly #marked = new Map<Snippet, string | undefined>();
  /** Per snippet, the runs of sentences that are its own wording (see {@link OwnRuns}). */
  readonly #ownRuns = new Map<Snippet, OwnRuns>();

  constructor(text: string, lineStart: number, lineEnd: number) {
    this.#text = text;
    this.#start = lineStart;
    this.#end = lineEnd;
  }

  /** The lines wrapped in the snippet's markers, when they are the snippet's text (its slots filled in any way); otherwise `undefined`. */
  markedAs(snippet: Snippet, eol: string): string | undefined {
    if (!this.#marked.has(snippet)) {
      const lines = this.#text.slice(this.#start, this.#end);
      this.#normalized ??= normalizeWording(lines);
      this.#marked.set(snippet, matchesWording(snippet.parts, this.#normalized) ? `${openMarker(snippet.id, snippet.version, snippet.hash)}${eol}${lines}${eol}${CLOSE_MARKER}` : undefined);
    }
    return this.#marked.get(snippet);
  }

  /**
   * What a near copy's *Replace* fix replaces. The passage runs from its first to its last
   * shared shingle, so the edited words at its edges, and short runs of wording between slots,
   * lie outside it; replacing the passage alone would leave those pieces beside the vetted text.
   * So the span grows to whole sentences, and over the neighbouring sentences on the passage's
   * lines that are the snippet's own wording (`wording`, normalised, slots at their defaults).
   */
  nearCopySpan(start: number, end: number, snippet: Snippet, wording: string): Span {
    const sentences = this.#sentencesRead();
    const first = partitionPoint(sentences.length, (i) => sentences[i].end <= start);
    const last = partitionPoint(sentences.length, (i) => sentences[i].start < end) - 1;
    if (first === sentences.length || first > last) return { start, end };
    const runs = this.#ownRunsOf(snippet, wording);
    const from = first > 0 && runs.own(first - 1) ? runs.firstOf(first - 1) : first;
    const to = last < sentences.length - 1 && runs.own(last + 1) ? runs.lastOf(last + 1) : last;
    return { start: Math.min(start, sentences[from].start), end: Math.max(end, sentences[to].end) };
  }

  /** The sentences of the lines, leading space left out. */
  #sentencesRead(): Span[] {
    if (this.#sentences) return this.#sentences;
    const lines = this.#text.slice(this.#start, this.#end);
    const sentences: Span[] = [];
    let from = 0;
    const push = (to: number) => {
      const at = from + (/^\s*/.exec(lines.slice(from, to))?.[0].length ?? 0);
      if (at < to) sentences.push({ start: this.#start + at, end: this.#start + to });
      from = to;
    };
    for (const m of lines.matchAll(/[.!?]["'”’)\]]*(?=\s|$)/g)) push(m.index + m[0].length);
    push(lines.trimEnd().length);
    return (this.#sentences = sentences);
  }

  #ownRunsOf(snippet: Snippet, wording: string): OwnRuns {
    let runs = this.#ownRuns.get(snippet);
    if (!runs) {
      const sentences = this.#sentencesRead();
      const normalized = this.#sentenceWording;
      const sentence = (i: number) => (normalized[i] ??= normalizeWording(this.#text.slice(sentences[i].start, sentences[i].end)));
      this.#ownRuns.set(snippet, (runs = new OwnRuns(sentences.length, (i) => wording.includes(sentence(i)))));
    }
    return runs;
  }
}

/**
 * Runs of consecutive sentences that are a snippet's own wording, found as they are asked for:
 * each sentence is tested at most once, and a walk over a run already walked jumps to its end,
 * so any number of findings on one line cost what the line's sentences do.
 */
class OwnRuns {
  readonly #count: number;
  readonly #isOwn: (i: number) => boolean;
  /** 0: not tested yet; 1: own wording; 2: not. */
  readonly #own: Uint8Array;
  /** For a sentence walked over, the first (or last) sentence of its run; -1 when not walked over. */
  readonly #first: Int32Array;
  readonly #last: Int32Array;

  constructor(count: number, isOwn: (i: number) => boolean) {
    this.#count = count;
    this.#isOwn = isOwn;
    this.#own = new Uint8Array(count);
    this.#first = new Int32Array(count).fill(-1);
    this.#last = new Int32Array(count).fill(-1);
  }

  own(i: number): boolean {
    if (this.#own[i] === 0) this.#own[i] = this.#isOwn(i) ? 1 : 2;
    return this.#own[i] === 1;
  }

  /** The first sentence of the run of own sentences that ends at `i` (`i` must be own). */
  firstOf(i: number): number {
    let at = i;
    while (this.#first[at] === -1 && at > 0 && this.own(at - 1)) at--;
    const first = this.#first[at] === -1 ? at : this.#first[at];
    for (let k = at; k <= i; k++) this.#first[k] = first;
    return first;
  }

  /** The last sentence of the run of own sentences that starts at `i` (`i` must be own). */
  lastOf(i: number): number {
    let at = i;
    while (this.#last[at] === -1 && at < this.#count - 1 && this.own(at + 1)) at++;
    const last = this.#last[at] === -1 ? at : this.#last[at];
    for (let k = i; k <= at; k++) this.#last[k] = last;
    return last;
  }
}

/** The parts of sorted `spans` outside sorted, disjoint `blocks`. */
function outside(spans: readonly Span[], blocks: readonly Span[]): Span[] {
  if (blocks.length === 0) return [...spans];
  const out: Span[] = [];
  let b = 0;
  for (const span of spans) {
    let start = span.start;
    while (b < blocks.length && blocks[b].end <= start) b++;
    let k = b;
    while (k < blocks.length && blocks[k].start < span.end) {
      if (blocks[k].start > start) out.push({ start, end: blocks[k].start });
      start = Math.max(start, blocks[k].end);
      k++;
    }
    if (start < span.end) out.push({ start, end: span.end });
  }
  return out;
}
