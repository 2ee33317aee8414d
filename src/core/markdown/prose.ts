import MarkdownIt from 'markdown-it';
import { finish, type Sliced } from '../slices';
import { changedRange, partitionPoint, type Span, type TextChange } from '../text';

// One parser for the life of the process: creating it costs more than parsing a page.
// HTML enabled so that HTML blocks (and comments) are recognised and skipped, not read as prose.
const parser = new MarkdownIt({ html: true });
// Only the block structure is read (which lines are paragraphs, headings, cells, code…); inline
// non-prose is found by `pushProse` below. Skipping markdown-it's inline phase, which makes a
// token for every run of text, halves the parse and most of its garbage.
parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

/** What a parse collects besides tokens: the line ranges `[first, end)` read past the nesting limit. */
type ParseEnv = { readonly flattened: [number, number][] };

// Past its nesting limit (100 levels: block quotes 100 deep, lists 50 deep) markdown-it reads
// nothing more and lets the container swallow every line to its end — for a list, to the end of
// the document. Here the content past the limit is read by the leaf rules alone (paragraphs,
// code, fences, HTML, headings, tables): its text is scanned as flat paragraphs, its code still
// skipped, and the container ends where those rules end it. Its lines are recorded, so that a
// caller can say they were read without their deeper structure.
const MAX_NESTING = parser.options.maxNesting ?? 100;
const leafParser = new MarkdownIt({ html: true });
leafParser.block.ruler.disable(['blockquote', 'list']);
const tokenizeBlocks = parser.block.tokenize.bind(parser.block);
parser.block.tokenize = (state: Parameters<typeof tokenizeBlocks>[0], startLine: number, endLine: number): void => {
  if (state.level < MAX_NESTING) return tokenizeBlocks(state, startLine, endLine);
  const level = state.level;
  state.level = MAX_NESTING - 1; // below the limit, for the leaf rules' one level of tokens
  try {
    leafParser.block.tokenize(state, startLine, endLine);
  } finally {
    state.level = level;
  }
  let first = startLine;
  while (first < state.line && state.isEmpty(first)) first++;
  let end = state.line;
  while (end > first && state.isEmpty(end - 1)) end--;
  if (end > first) (state.env as ParseEnv).flattened.push([first, end]);
};

/** Offsets of the lines of `text`, as markdown-it counts them: a line ends at CRLF, LF or a lone CR. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) starts.push(text.charCodeAt(i + 1) === 10 ? ++i + 1 : i + 1);
  }
  return starts;
}

/** The start of the line that holds `offset` (a line break belongs to the line it ends). */
function lineStartOf(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}

/** Where the line break that ends at `lineStart` (a line start after the first) starts. */
const breakBefore = (text: string, lineStart: number) => (text.charCodeAt(lineStart - 1) === 10 && text.charCodeAt(lineStart - 2) === 13 ? lineStart - 2 : lineStart - 1);

/** Length of a YAML/TOML front-matter block at the start of `text` (after a BOM), or 0; lines end at CRLF, LF or a lone CR. */
export function frontMatterLength(text: string): number {
  const open = /^\uFEFF?(---|\+\+\+)[ \t]*(?:\r\n?|\n)/.exec(text);
  if (!open) return 0;
  const close = open[1] === '---' ? /^(?:---|\.\.\.)[ \t]*$/ : /^\+\+\+[ \t]*$/;
  const line = /([^\r\n]*)(\r\n?|\n|$)/y;
  for (let at = open[0].length; at < text.length; ) {
    line.lastIndex = at;
    const m = line.exec(text)!;
    if (close.test(m[1])) return at + m[0].length;
    if (m[2] === '') break;
    at += m[0].length;
  }
  return 0; // an unclosed block is not front matter; markdown-it reads it as text
}

/**
 * The spans of a Markdown document that are prose a reader sees: paragraphs, headings, list
 * items, table cells and block quotes — without front matter, fenced or indented code, HTML
 * blocks, inline code, HTML comments and tags, link destinations and bare URLs. Link text and
 * image alt text are prose. Spans are sorted and do not overlap. Never throws: any Markdown,
 * however broken (an unclosed fence runs to the end, as in every renderer), has prose spans.
 * Lines end at CRLF, LF or a lone CR, as in markdown-it and VS Code.
 */
export function proseSpans(text: string): readonly Span[] {
  return finish(readDocumentProse(text)).spans;
}

/** The prose of a Markdown text, its headings, and where its parse could restart (see {@link readProse}). */
export interface ProseMap {
  readonly spans: readonly Span[];
  /** The lines of each heading's text, line break included (the `#` marks too; not a setext underline). */
  readonly headings: readonly Span[];
  /** The lines of each table, line break included: prose for terms, but not sentences to grade (see `readingParagraphs`). */
  readonly tables: readonly Span[];
  /**
   * Offsets of the lines where a parse starting afresh is in the state the whole-document
   * parse was in, sorted: the first line of a top-level block that follows a blank line and is
   * not indented. Nothing is open there — no list, quote, fence or HTML block — and the
   * unindented line cannot continue one, so the prose after it does not depend on the text
   * before it. 0 is always one.
   */
  readonly restarts: readonly number[];
  /**
   * Text read without its deeper structure, sorted, each from the start of its first line to the
   * end of its last (line break excluded): the content of containers nested past the Markdown
   * parser's limit (100 levels: block quotes 100 deep, lists 50 deep). It is scanned as flat
   * paragraphs — terms are found, fences and code at its own level skipped — but quotes, lists
   * and code nested deeper still are read as text. A caller notes each at its line ("nested too
   * deeply: checked as plain text"); it is never silently dropped.
   */
  readonly flattened: readonly Span[];
}

/** The prose of `text[from, to)`, parsed on its own; `from` must be 0 or a restart (see {@link ProseMap}). */
export function readProse(text: string, from: number, to: number): ProseMap & { spans: Span[]; headings: Span[]; tables: Span[]; restarts: number[]; flattened: Span[]; unclosed: boolean } {
  const skip = from === 0 ? frontMatterLength(text) : 0;
  // Blank out front matter rather than cut it, so markdown-it's line numbers stay the document's.
  const window = text.slice(from, to);
  const source = skip > 0 ? window.slice(0, skip).replace(/[^\r\n]/g, ' ') + window.slice(skip) : window;
  const starts = lineStarts(source);
  const lineCount = starts.length;
  const lineStart = (line: number) => starts[Math.max(0, Math.min(line, lineCount - 1))];
  const spans: Span[] = [];
  const headings: Span[] = [];
  const tables: Span[] = [];
  const restarts: number[] = [from];
  const env = { flattened: [] } as ParseEnv;
  let covered = 0;
  let unclosed = false;
  let inHeading = false; // between heading_open and its inline token, which holds the text
  for (const token of parser.parse(source, env)) {
    if (!token.map) continue;
    const [first, last] = token.map;
    if (token.type === 'heading_open') inHeading = true;
    if (token.level === 0 && token.nesting !== -1) {
      if (first > 0 && isRestart(source, lineStart(first - 1), lineStart(first))) restarts.push(from + lineStart(first));
      // A fence or HTML block that runs to the end of the window may run on in the document.
      // (markdown-it ends such a block at the window's last line break.)
      unclosed = last >= lineCount - 1 && (token.type === 'fence' || token.type === 'html_block');
    }
    // Table cells' inline tokens carry no line map, so a table is taken whole from its own map.
    if (token.type !== 'inline' && token.type !== 'table_open') continue;
    const start = Math.max(lineStart(first), covered);
    const end = last >= lineCount ? source.length : lineStart(last);
    if (inHeading) headings.push({ start: from + lineStart(first), end: from + end });
    if (token.type === 'table_open') tables.push({ start: from + lineStart(first), end: from + end });
    inHeading = false;
    if (end <= start) continue;
    covered = end;
    pushProse(spans, source, start, end, from);
  }
  const flattened = env.flattened.map(([first, end]) => {
    let stop = end >= lineCount ? source.length : lineStart(end);
    while (stop > 0 && (source.charCodeAt(stop - 1) === 10 || source.charCodeAt(stop - 1) === 13)) stop--;
    return { start: from + lineStart(first), end: from + stop };
  });
  return { spans, headings, tables, restarts, flattened, unclosed };
}

// How much text one markdown-it parse of a whole read takes at a time: a few milliseconds of work.
const READ_WINDOW = 32_768;

/**
 * The prose map of a whole document, read in windows of about {@link READ_WINDOW} characters so
 * that a 10 MB document can be read in slices (see `Sliced`); the same map as one parse of the
 * whole text. A window ends where nothing can be open: at a line that starts with a letter
 * after a blank line, which in CommonMark is a top-level paragraph — no list, quote or indented
 * code continues over it — unless a fence or HTML block runs on; then the window grows (doubling,
 * so the work stays linear) until that block ends in it. `window` is there for tests.
 */
export function* readDocumentProse(text: string, window = READ_WINDOW): Sliced<ProseMap> {
  if (text.length <= window) {
    const { spans, headings, tables, restarts, flattened } = readProse(text, 0, text.length);
    return { spans, headings, tables, restarts, flattened };
  }
  const spans: Span[] = [];
  const headings: Span[] = [];
  const tables: Span[] = [];
  const restarts: number[] = [];
  const flattened: Span[] = [];
  const frontMatter = frontMatterLength(text);
  for (let from = 0; from < text.length; ) {
    let part: ReturnType<typeof readProse>;
    let to: number;
    for (let size = window; ; size *= 2) {
      to = paragraphStartAfter(text, Math.max(from + size, frontMatter));
      part = readProse(text, from, to);
      if (!part.unclosed || to === text.length) break;
      yield;
    }
    // One at a time: a window of one hostile line can hold more spans than a call has arguments.
    for (const [all, some] of [[spans, part.spans], [headings, part.headings], [tables, part.tables], [flattened, part.flattened]] as const) for (const span of some) all.push(span);
    for (const restart of part.restarts) restarts.push(restart);
    from = to;
    yield;
  }
  return { spans, headings, tables, restarts, flattened };
}

/**
 * The start of the first line at or after `offset` that starts with an ASCII letter and follows
 * a blank line (spaces and tabs only), or `text.length`. Lines end at CRLF, LF or a lone CR.
 */
function paragraphStartAfter(text: string, offset: number): number {
  let previousBlank = false;
  // From the start of the line after `offset` (a window never ends in the middle of a line).
  let at = offset;
  while (at < text.length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
  while (at < text.length) {
    // `at` is at a line break: step over it to the next line's start.
    at += text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1;
    const c = text.charCodeAt(at);
    if (previousBlank && isAsciiLetter(c)) return at;
    let end = at;
    let blank = true;
    for (; end < text.length; end++) {
      const d = text.charCodeAt(end);
      if (d === 10 || d === 13) break;
      if (d !== 32 && d !== 9) blank = false;
    }
    previousBlank = blank;
    at = end;
  }
  return text.length;
}

/** Whether the line at `lineStart`, after the line at `previousStart`, is a restart point: blank line before, unindented itself. */
function isRestart(source: string, previousStart: number, lineStart: number): boolean {
  const c = source.charCodeAt(lineStart);
  return c !== 32 && c !== 9 && /^[ \t]*(?:\r\n?|\n)$/.test(source.slice(previousStart, lineStart));
}

/**
 * The prose map of `text`, a new version of `previous.text`, re-parsing only the blocks the
 * edit touched: from the last restart before the change to the first restart after it (of the
 * previous version, shifted). Parsing a window costs what its blocks cost, so typing in a 1 MB
 * document stays as cheap as typing in a small one. Falls back to a whole parse where a window
 * cannot be trusted: the edit touches front matter, or opens a fence or HTML block that may run
 * past the window. Pauses (see `Sliced`) after comparing the texts and within a whole read. `change` is how the texts
 * differ, when the caller has compared them already (it is compared once per edit).
 */
export function* updateProse(previous: ProseMap & { readonly text: string }, text: string, change = changedRange(previous.text, text)): Sliced<ProseMap> {
  if (change === undefined) return previous;
  // Comparing two 10 MB versions takes a few ms: a step of its own.
  yield;
  return windowedUpdate(previous, text, change) ?? (yield* readDocumentProse(text));
}

/** {@link updateProse}'s re-read of the touched blocks, or `undefined` where only a whole read can be trusted. */
function windowedUpdate(previous: ProseMap & { readonly text: string }, text: string, change: TextChange): ProseMap | undefined {
  const frontMatter = frontMatterLength(previous.text);
  if (frontMatter > 0 ? change.start <= frontMatter || frontMatterLength(text) !== frontMatter : frontMatterLength(text) !== 0) return undefined;
  const old = previous.text;
  // The window starts at a restart whose line is wholly before the change, so that its line
  // still decides what it decided. A CR just before the change may become the first half of a
  // CRLF, so its line counts as touched.
  const lineOfChange = lineStartOf(old, change.start > 0 && old.charCodeAt(change.start - 1) === 13 ? change.start - 1 : change.start);
  const { restarts } = previous;
  const fromIndex = Math.max(0, partitionPoint(restarts.length, (i) => restarts[i] < lineOfChange) - 1);
  const from = restarts[fromIndex]; // 0 is always a restart
  // It ends at a restart of the old text whose blank line, and the line break before that, are
  // wholly after the change: the restart is then still one in the new text.
  let toIndex = partitionPoint(restarts.length, (i) => restarts[i] <= change.oldEnd);
  while (toIndex < restarts.length && lineStartOf(old, breakBefore(old, restarts[toIndex])) - 1 < change.oldEnd) toIndex += 1;
  const delta = text.length - old.length;
  const oldTo = toIndex < restarts.length ? restarts[toIndex] : old.length;
  const window = readProse(text, from, oldTo + delta);
  if (window.unclosed && oldTo < old.length) return undefined;
  // Spans never straddle a restart: those before the window stay, those after move.
  const splice = (before: readonly Span[], fresh: readonly Span[]) => {
    const after = before.slice(partitionPoint(before.length, (i) => before[i].start < oldTo));
    return [...before.slice(0, partitionPoint(before.length, (i) => before[i].start < from)), ...fresh, ...after.map((s) => ({ start: s.start + delta, end: s.end + delta }))];
  };
  return {
    spans: splice(previous.spans, window.spans),
    headings: splice(previous.headings, window.headings),
    tables: splice(previous.tables, window.tables),
    flattened: splice(previous.flattened, window.flattened),
    restarts: [...restarts.slice(0, fromIndex), ...window.restarts, ...restarts.slice(toIndex).map((r) => r + delta)],
  };
}

/** Adds the parts of `text[start, end)` that are not inline non-prose, shifted by `offset`. */
function pushProse(spans: Span[], text: string, start: number, end: number, offset: number): void {
  let from = 0;
  forEachNonProse(text.slice(start, end), (skipFrom, skipTo) => {
    if (skipFrom > from) spans.push({ start: offset + start + from, end: offset + start + skipFrom });
    from = skipTo;
  });
  if (start + from < end) spans.push({ start: offset + start + from, end: offset + end });
}

/**
 * Calls `visit` with each inline run of a prose block that is not prose, left to right: code
 * spans (a backtick run to the next run of the same length; an unmatched run is text, as in
 * CommonMark), HTML comments `<!-- … -->`, processing instructions, declarations and CDATA,
 * HTML tags and autolinks `<…>`, link destinations and titles `](…)`, and bare URLs. A
 * backslash escapes the punctuation after it. An opener without its closer is text, as
 * markdown-it renders it. One pass, each search resumed rather than repeated, so the cost is
 * linear in the block whatever it holds (runs of `](`, `<!--` or backticks included).
 */
function forEachNonProse(block: string, visit: (from: number, to: number) => void): void {
  const end = block.length;
  const find = searcher(block);
  let backtickRuns: Map<number, { at: number[]; next: number }> | undefined;
  let spaceRun = { from: -1, to: -1 }; // the last whitespace run measured, for `](x   "title")`
  let i = 0;
  while (i < end) {
    const c = block.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      i += i + 1 < end && isAsciiPunctuation(block.charCodeAt(i + 1)) ? 2 : 1;
    } else if (c === 0x60 /* ` */) {
      let n = 1;
      while (block.charCodeAt(i + n) === 0x60) n++;
      backtickRuns ??= runsOfBackticks(block);
      const runs = backtickRuns.get(n);
      if (runs) while (runs.next < runs.at.length && runs.at[runs.next] < i + n) runs.next++;
      const close = runs && runs.next < runs.at.length ? runs.at[runs.next] : -1;
      if (close === -1) {
        i += n;
      } else {
        visit(i, close + n);
        i = close + n;
      }
    } else if (c === 0x3c /* < */) {
      const to = htmlEnd(block, i, find);
      if (to === -1) {
        i += 1;
      } else {
        visit(i, to);
        i = to;
      }
    } else if (c === 0x5d /* ] */ && block.charCodeAt(i + 1) === 0x28 /* ( */) {
      // `](destination)` or `](destination "title")`: the destination runs to `)` or white space,
      // or, written `<…>`, to its `>` (it may hold spaces then, and `)`).
      const angled = block.charCodeAt(i + 2) === 0x3c /* < */ ? find.text('>', i + 3) : -1;
      const stop = angled !== -1 ? (block.charCodeAt(angled + 1) === 0x29 ? angled + 1 : find.pattern(/[)\s]/g, angled + 1)) : find.pattern(/[)\s]/g, i + 2);
      let to = -1;
      if (stop !== -1 && block.charCodeAt(stop) === 0x29) {
        to = stop + 1;
      } else if (stop !== -1) {
        if (spaceRun.from !== stop) spaceRun = { from: stop, to: find.pattern(/\S/g, stop) };
        const quote = spaceRun.to;
        if (quote !== -1 && block.charCodeAt(quote) === 0x22) {
          const closing = find.text('"', quote + 1);
          if (closing !== -1 && block.charCodeAt(closing + 1) === 0x29) to = closing + 2;
        }
      }
      if (to === -1) {
        i += 1;
      } else {
        visit(i, to);
        i = to;
      }
    } else if ((c === 0x68 /* h */ || c === 0x77) /* w */ && (i === 0 || !isAsciiWordCharacter(block.charCodeAt(i - 1)))) {
      const prefix = block.startsWith('https://', i) ? 8 : block.startsWith('http://', i) ? 7 : block.startsWith('www.', i) ? 4 : 0;
      let to = -1;
      if (prefix > 0) {
        const stop = find.pattern(/[\s<>()]/g, i + prefix);
        to = stop === -1 ? end : stop;
        if (to === i + prefix) to = -1; // a URL needs a character after its scheme
      }
      if (to === -1) {
        i += 1;
      } else {
        visit(i, to);
        i = to;
      }
    } else {
      i += 1;
    }
  }
}

/** The end of the HTML comment, processing instruction, declaration, CDATA section, tag or autolink at `i` (a `<`), or -1. */
function htmlEnd(block: string, i: number, find: Searcher): number {
  if (block.startsWith('<!--', i)) {
    if (block.startsWith('<!-->', i)) return i + 5;
    if (block.startsWith('<!--->', i)) return i + 6;
    const close = find.text('-->', i + 4);
    return close === -1 ? -1 : close + 3;
  }
  if (block.startsWith('<?', i)) {
    const close = find.text('?>', i + 2);
    return close === -1 ? -1 : close + 2;
  }
  if (block.startsWith('<![CDATA[', i)) {
    const close = find.text(']]>', i + 9);
    return close === -1 ? -1 : close + 3;
  }
  const next = block.charCodeAt(i + 1);
  const letterAt = next === 0x21 /* ! */ || next === 0x2f /* / */ ? i + 2 : i + 1;
  if (!isAsciiLetter(block.charCodeAt(letterAt))) return -1;
  if (next === 0x21) {
    // A declaration, `<!DOCTYPE …>`: to the next `>`.
    const close = find.text('>', letterAt);
    return close === -1 ? -1 : close + 1;
  }
  // A tag or an autolink, exactly as CommonMark defines them (what markdown-it renders as raw
  // HTML or a link): anything else that starts with `<` and a letter is text a reader sees.
  for (const grammar of INLINE_HTML) {
    grammar.lastIndex = i;
    const m = grammar.exec(block);
    if (m) return i + m[0].length;
  }
  return -1;
}

// CommonMark 0.31 §6.5 (autolinks) and §6.6 (raw HTML: open and closing tags). Sticky, so each
// is tried at one `<` only. No alternation inside a repeat can match the same text two ways, so
// a failed match gives up in time linear in what it read; a tag or autolink cannot hold `<`, so
// that is at most the text up to the next `<` or `>`, or a quoted attribute value.
const ATTRIBUTE = `\\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\\s*=\\s*(?:[^\\s"'=<>\`]+|'[^']*'|"[^"]*"))?`;
const INLINE_HTML: readonly RegExp[] = [
  new RegExp(`<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*\\s*/?>`, 'y'),
  /<\/[A-Za-z][A-Za-z0-9-]*\s*>/y,
  /<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*>/y,
  /<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/y,
];

/** Searches in one string that remember their last answer: asked with a growing start, each search resumes where the last one stopped. */
interface Searcher {
  /** The first index at or after `from` of `needle`, or -1. */
  text(needle: string, from: number): number;
  /** The first index at or after `from` that `pattern` (global, one character wide, the same object every time) matches, or -1. */
  pattern(pattern: RegExp, from: number): number;
}

function searcher(text: string): Searcher {
  const last = new Map<string | RegExp, { from: number; at: number }>();
  const cached = (key: string | RegExp, from: number, search: () => number): number => {
    const known = last.get(key);
    // The last answer holds for any start between the last start and that answer.
    if (known && known.from <= from && (known.at === -1 || from <= known.at)) return known.at;
    const at = search();
    last.set(key, { from, at });
    return at;
  };
  return {
    text: (needle, from) => cached(needle, from, () => text.indexOf(needle, from)),
    pattern: (pattern, from) => {
      // One RegExp object per pattern source, so that its answers are remembered across calls.
      const key = patterns.get(pattern.source) ?? (patterns.set(pattern.source, pattern), pattern);
      return cached(key, from, () => {
        key.lastIndex = from;
        return key.exec(text)?.index ?? -1;
      });
    },
  };
}
const patterns = new Map<string, RegExp>();

/** The starts of the maximal backtick runs of `text`, by length, each with a cursor for the next candidate closer. */
function runsOfBackticks(text: string): Map<number, { at: number[]; next: number }> {
  const runs = new Map<number, { at: number[]; next: number }>();
  for (let i = text.indexOf('`'); i !== -1; ) {
    let n = 1;
    while (text.charCodeAt(i + n) === 0x60) n++;
    let list = runs.get(n);
    if (!list) runs.set(n, (list = { at: [], next: 0 }));
    list.at.push(i);
    i = text.indexOf('`', i + n);
  }
  return runs;
}

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAsciiWordCharacter = (c: number) => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
const isAsciiPunctuation = (c: number) => (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
