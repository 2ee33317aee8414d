import { frontMatterLength } from '../markdown/prose';
import type { Span } from '../text';

/**
 * Provenance markers: a vetted snippet inserted into an article is wrapped in two HTML comments,
 * which Markdown renderers hide from readers:
 *
 * ```markdown
 * <!-- medterms:snippet id=multiple-sclerosis-what-it-is v=3 sha=1a2b3c4d -->
 * …the vetted text…
 * <!-- /medterms:snippet -->
 * ```
 */

/** A block of a document between an opening and a closing marker; `[start, end)` covers both marker lines (not the last line break). */
export interface MarkedBlock extends Span {
  /** The opening marker's line, without its line break. */
  readonly open: Span;
  /** The text between the markers: after the opening line's break, up to the closing line's start. */
  readonly body: Span;
  readonly id: string;
  /** The version the marker names; `NaN` when it names none. */
  readonly version: number;
  /** The hash the marker names; `''` when it names none. */
  readonly hash: string;
}

/** A marker that cannot be used, with the reason. */
export interface MarkerProblem extends Span {
  readonly message: string;
}

const MARKER_NAME = 'medterms:snippet';
// A fence line, or a marker line (open or close), each at most three spaces in, as CommonMark
// reads block starts. Linear: every alternative reads on to the end of one line at most once.
const LINE = /^ {0,3}(?:(`{3,}|~{3,})([^\n]*)|<!--[ \t]*(\/?)medterms:snippet\b([^\n]*))$/gm;

/** The opening marker for a snippet version, as inserted. */
export function openMarker(id: string, version: number, hash: string): string {
  return `<!-- ${MARKER_NAME} id=${id} v=${version} sha=${hash} -->`;
}

/** The closing marker. */
export const CLOSE_MARKER = `<!-- /${MARKER_NAME} -->`;

/**
 * The marked blocks of a Markdown text and the markers that cannot be used: a start without an
 * end, an end without a start, a start inside a block (blocks do not nest), or a start that
 * names no id. Markers inside fenced code are examples, not markers. Linear in the text, and
 * nearly free for a text that has no marker at all.
 */
export function findMarkedBlocks(text: string): { blocks: MarkedBlock[]; problems: MarkerProblem[] } {
  const blocks: MarkedBlock[] = [];
  const problems: MarkerProblem[] = [];
  if (!text.includes(MARKER_NAME)) return { blocks, problems };
  let fence: string | undefined;
  let open: { span: Span; bodyStart: number; id: string; version: number; hash: string } | undefined;
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m; m = LINE.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].replace(/\r$/, '').length };
    if (m[1] !== undefined) {
      // A fence opens with ``` or ~~~ (a backtick fence's info has no backtick) and closes with
      // at least as many of the same character and nothing else.
      if (fence === undefined && !(m[1][0] === '`' && m[2].includes('`'))) fence = m[1];
      else if (fence !== undefined && m[1][0] === fence[0] && m[1].length >= fence.length && m[2].trim() === '') fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const rest = m[4].replace(/\r$/, '');
    if (!/-->\s*$/.test(rest)) {
      problems.push({ ...span, message: 'This snippet marker is not closed with "-->" on the same line; MedTerms cannot read it.' });
      continue;
    }
    if (m[3] === '/') {
      if (open) {
        const { span: o, bodyStart, id, version, hash } = open;
        blocks.push({ start: o.start, end: span.end, open: o, body: { start: Math.min(bodyStart, span.start), end: span.start }, id, version, hash });
        open = undefined;
      } else problems.push({ ...span, message: 'This end-of-snippet marker has no start marker before it.' });
      continue;
    }
    const attributes = readAttributes(rest.replace(/-->\s*$/, ''));
    if (open) problems.push({ ...open.span, message: 'This snippet block has no end marker before the next one starts (snippet blocks cannot nest), so its text cannot be checked.' });
    open = undefined;
    if (!attributes.id) {
      problems.push({ ...span, message: 'This snippet marker names no snippet (id=…); its text cannot be checked.' });
      continue;
    }
    const lineEnd = text.indexOf('\n', span.end);
    open = { span, bodyStart: lineEnd === -1 ? text.length : lineEnd + 1, id: attributes.id, version: Number(attributes.v ?? NaN), hash: attributes.sha ?? '' };
  }
  if (open) problems.push({ ...open.span, message: 'This snippet block has no end marker (<!-- /medterms:snippet -->), so its text cannot be checked.' });
  return { blocks, problems };
}

/** `key=value` pairs separated by spaces; later keys win, unknown keys are kept for later versions. */
function readAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const pair of text.split(/\s+/)) {
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/**
 * Where to insert a block (a snippet with its markers) so that it stands on lines of its own,
 * with a blank line around it, and no word of the writer's is split: a selection is replaced;
 * on a blank line, the block takes that line; elsewhere it goes after the paragraph the cursor
 * is in (after the front matter, when the cursor is in it). `before` and `after` are the line breaks to add around the block.
 */
export function blockInsertion(text: string, start: number, end = start): { start: number; end: number; before: string; after: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = (at: number) => {
    const next = text.indexOf('\n', at);
    return next === -1 ? text.length : text[next - 1] === '\r' ? next - 1 : next;
  };
  const blank = (at: number) => text.slice(lineStart(at), lineEnd(at)).trim() === '';
  // Front matter is the article's metadata, never its text: a block goes after it.
  const metadata = frontMatterLength(text);
  if (start < metadata) start = end = metadata;
  if (start === end) {
    if (blank(start)) {
      start = lineStart(start);
      end = lineEnd(start);
    } else {
      // The end of the paragraph: the last line before a blank line or the end of the text.
      let at = lineEnd(start);
      while (at < text.length) {
        const next = text.indexOf('\n', at) + 1;
        if (next === 0 || blank(next)) break;
        at = lineEnd(next);
      }
      start = end = at;
    }
  }
  const atLineStart = start === lineStart(start);
  const atLineEnd = end === lineEnd(end);
  const prevLineBlank = start === 0 || (atLineStart && blank(start - 1));
  const nextLineBlank = end >= text.length || (atLineEnd && blank(text.indexOf('\n', end) + 1));
  const before = !atLineStart ? eol + eol : prevLineBlank ? '' : eol;
  const after = !atLineEnd ? eol + eol : nextLineBlank ? '' : eol;
  return { start, end, before, after };
}
