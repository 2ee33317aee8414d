import MarkdownIt from 'markdown-it';
import { changedRange, LineMap, partitionPoint, type Span } from '../text';

// One parser for the life of the process: creating it costs more than parsing a page.
// HTML enabled so that HTML blocks (and comments) are recognised and skipped, not read as prose.
const parser = new MarkdownIt({ html: true });
// Only the block structure is read (which lines are paragraphs, headings, cells, code…); inline
// non-prose is found by INLINE_NON_PROSE below. Skipping markdown-it's inline phase, which
// makes a token for every run of text, halves the parse and most of its garbage.
parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

// Inside a prose block, these are not prose: inline code, HTML comments and tags, link
// destinations and titles `](...)`, autolinks `<https://...>` and bare URLs.
const INLINE_NON_PROSE = /(`+)[^]*?\1|<!--[^]*?(?:-->|$)|<\/?[A-Za-z][^<>]*>|\]\([^)\s]*(?:\s+"[^"]*")?\)|\b(?:https?:\/\/|www\.)[^\s<>()]+/g;

/** Length of a YAML/TOML front-matter block at the start of `text` (after a BOM), or 0. */
export function frontMatterLength(text: string): number {
  const m = /^\uFEFF?(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!m) return 0;
  const close = new RegExp(`^${m[1] === '---' ? '(?:---|\\.\\.\\.)' : '\\+\\+\\+'}[ \\t]*$`, 'm');
  const rest = text.slice(m[0].length);
  const end = close.exec(rest);
  if (!end) return 0; // an unclosed block is not front matter; markdown-it reads it as text
  const afterClose = m[0].length + end.index + end[0].length;
  return text.startsWith('\r\n', afterClose) ? afterClose + 2 : text.startsWith('\n', afterClose) ? afterClose + 1 : afterClose;
}

/**
 * The spans of a Markdown document that are prose a reader sees: paragraphs, headings, list
 * items, table cells and block quotes — without front matter, fenced or indented code, HTML
 * blocks, inline code, HTML comments and tags, link destinations and bare URLs. Link text and
 * image alt text are prose. Spans are sorted and do not overlap. Never throws: any Markdown,
 * however broken (an unclosed fence runs to the end, as in every renderer), has prose spans.
 */
export function proseSpans(text: string): Span[] {
  return readProse(text, 0, text.length).spans;
}

/** The prose of a Markdown text, its headings, and where its parse could restart (see {@link readProse}). */
export interface ProseMap {
  readonly spans: readonly Span[];
  /** The lines of each heading's text, line break included (the `#` marks too; not a setext underline). */
  readonly headings: readonly Span[];
  /**
   * Offsets of the lines where a parse starting afresh is in the state the whole-document
   * parse was in, sorted: the first line of a top-level block that follows a blank line and is
   * not indented. Nothing is open there — no list, quote, fence or HTML block — and the
   * unindented line cannot continue one, so the prose after it does not depend on the text
   * before it. 0 is always one.
   */
  readonly restarts: readonly number[];
}

/** The prose of `text[from, to)`, parsed on its own; `from` must be 0 or a restart (see {@link ProseMap}). */
export function readProse(text: string, from: number, to: number): { spans: Span[]; headings: Span[]; restarts: number[]; unclosed: boolean } {
  const skip = from === 0 ? frontMatterLength(text) : 0;
  // Blank out front matter rather than cut it, so markdown-it's line numbers stay the document's.
  const window = text.slice(from, to);
  const source = skip > 0 ? window.slice(0, skip).replace(/[^\r\n]/g, ' ') + window.slice(skip) : window;
  const lines = new LineMap(source);
  const spans: Span[] = [];
  const headings: Span[] = [];
  const restarts: number[] = [from];
  let covered = 0;
  let unclosed = false;
  let inHeading = false; // between heading_open and its inline token, which holds the text
  for (const token of parser.parse(source, {})) {
    if (!token.map) continue;
    const [first, last] = token.map;
    if (token.type === 'heading_open') inHeading = true;
    if (token.level === 0 && token.nesting !== -1) {
      if (first > 0 && isRestart(source, lines.lineStart(first - 1), lines.lineStart(first))) restarts.push(from + lines.lineStart(first));
      // A fence or HTML block that runs to the end of the window may run on in the document.
      // (markdown-it ends such a block at the window's last line break.)
      unclosed = last >= lines.lineCount - 1 && (token.type === 'fence' || token.type === 'html_block');
    }
    // Table cells' inline tokens carry no line map, so a table is taken whole from its own map.
    if (token.type !== 'inline' && token.type !== 'table_open') continue;
    const start = Math.max(lines.lineStart(first), covered);
    const end = last >= lines.lineCount ? source.length : lines.lineStart(last);
    if (inHeading) headings.push({ start: from + lines.lineStart(first), end: from + end });
    inHeading = false;
    if (end <= start) continue;
    covered = end;
    pushProse(spans, source, start, end, from);
  }
  return { spans, headings, restarts, unclosed };
}

/** Whether the line at `lineStart`, after the line at `previousStart`, is a restart point: blank line before, unindented itself. */
function isRestart(source: string, previousStart: number, lineStart: number): boolean {
  const c = source.charCodeAt(lineStart);
  return c !== 32 && c !== 9 && /^[ \t\r]*\n$/.test(source.slice(previousStart, lineStart));
}

/**
 * The prose map of `text`, a new version of `previous.text`, re-parsing only the blocks the
 * edit touched: from the last restart before the change to the first restart after it (of the
 * previous version, shifted). Parsing a window costs what its blocks cost, so typing in a 1 MB
 * document stays as cheap as typing in a small one. Falls back to a whole parse where a window
 * cannot be trusted: the edit touches front matter, or opens a fence or HTML block that may run
 * past the window.
 */
export function updateProse(previous: ProseMap & { readonly text: string }, text: string): ProseMap {
  const change = changedRange(previous.text, text);
  if (change === undefined) return previous;
  const whole = () => readProse(text, 0, text.length);
  const frontMatter = frontMatterLength(previous.text);
  if (frontMatter > 0 ? change.start <= frontMatter || frontMatterLength(text) !== frontMatter : frontMatterLength(text) !== 0) return whole();
  // The window starts at a restart whose line is wholly before the change, so that its line
  // still decides what it decided; it ends at a restart of the old text whose blank line, and
  // the line break before that, are wholly after the change.
  const lineOfChange = previous.text.lastIndexOf('\n', change.start - 1) + 1;
  const { restarts } = previous;
  const fromIndex = Math.max(0, partitionPoint(restarts.length, (i) => restarts[i] < lineOfChange) - 1);
  const from = restarts[fromIndex]; // 0 is always a restart
  let toIndex = partitionPoint(restarts.length, (i) => restarts[i] <= change.oldEnd);
  while (toIndex < restarts.length && previous.text.lastIndexOf('\n', restarts[toIndex] - 2) < change.oldEnd) toIndex += 1;
  const delta = text.length - previous.text.length;
  const oldTo = toIndex < restarts.length ? restarts[toIndex] : previous.text.length;
  const window = readProse(text, from, oldTo + delta);
  if (window.unclosed && oldTo < previous.text.length) return whole();
  // Spans and headings never straddle a restart: those before the window stay, those after move.
  const splice = (old: readonly Span[], fresh: readonly Span[]) => {
    const after = old.slice(partitionPoint(old.length, (i) => old[i].start < oldTo));
    return [...old.slice(0, partitionPoint(old.length, (i) => old[i].start < from)), ...fresh, ...after.map((s) => ({ start: s.start + delta, end: s.end + delta }))];
  };
  return {
    spans: splice(previous.spans, window.spans),
    headings: splice(previous.headings, window.headings),
    restarts: [...restarts.slice(0, fromIndex), ...window.restarts, ...restarts.slice(toIndex).map((r) => r + delta)],
  };
}

/** Adds the parts of `[start, end)` that are not inline non-prose. */
function pushProse(spans: Span[], text: string, start: number, end: number, offset: number): void {
  const block = text.slice(start, end);
  let from = 0;
  for (const m of block.matchAll(INLINE_NON_PROSE)) {
    if (m.index > from) spans.push({ start: offset + start + from, end: offset + start + m.index });
    from = m.index + m[0].length;
  }
  if (from < block.length) spans.push({ start: offset + start + from, end: offset + end });
}
