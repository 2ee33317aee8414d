import MarkdownIt from 'markdown-it';
import { LineMap, type Span } from '../text';

// One parser for the life of the process: creating it costs more than parsing a page.
// HTML enabled so that HTML blocks (and comments) are recognised and skipped, not read as prose.
const parser = new MarkdownIt({ html: true });

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
  const skip = frontMatterLength(text);
  // Blank out front matter rather than cut it, so markdown-it's line numbers stay the document's.
  const source = skip > 0 ? text.slice(0, skip).replace(/[^\r\n]/g, ' ') + text.slice(skip) : text;
  const lines = new LineMap(text);
  const spans: Span[] = [];
  let covered = 0;
  for (const token of parser.parse(source, {})) {
    // Table cells' inline tokens carry no line map, so a table is taken whole from its own map.
    if ((token.type !== 'inline' && token.type !== 'table_open') || !token.map) continue;
    const start = Math.max(lines.lineStart(token.map[0]), covered);
    const end = token.map[1] >= lines.lineCount ? text.length : lines.lineStart(token.map[1]);
    if (end <= start) continue;
    covered = end;
    pushProse(spans, source, start, end);
  }
  return spans;
}

/** Adds the parts of `[start, end)` that are not inline non-prose. */
function pushProse(spans: Span[], text: string, start: number, end: number): void {
  const block = text.slice(start, end);
  let from = 0;
  for (const m of block.matchAll(INLINE_NON_PROSE)) {
    if (m.index > from) spans.push({ start: start + from, end: start + m.index });
    from = m.index + m[0].length;
  }
  if (from < block.length) spans.push({ start: start + from, end });
}

// An ATX heading line (`## Title`), and a setext underline (`===` or `---`).
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t][^\n]*)?$/gm;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*\r?$/gm;

/**
 * The lines of a Markdown text that are headings, sorted: ATX headings (`## Title`) and the
 * text line above a setext underline (`===` or `---`). A line check, not a parse, so it is linear
 * and cheap: a `#` line inside a code block counts too, which does not matter to callers that
 * look only at terms, since code has none. Spans include the `#` marks, not the line break.
 */
export function headingSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(ATX_HEADING)) spans.push({ start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(SETEXT_UNDERLINE)) {
    if (m.index === 0) continue;
    const end = m.index - 1;
    const start = text.lastIndexOf('\n', end - 1) + 1;
    // Underlining a blank line makes a thematic break (or nothing), not a heading.
    if (text.slice(start, end).trim()) spans.push({ start, end });
  }
  return spans.sort((a, b) => a.start - b.start);
}
