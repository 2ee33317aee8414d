import type { StyleFinding, StyleFix } from '../style/style';
import type { Span } from '../text';
import type { SnippetLibrary } from './library';
import { CLOSE_MARKER, findMarkedBlocks, openMarker, type MarkedBlock } from './markers';
import { PastedSnippetFinder } from './nearMatch';
import type { Snippet } from './snippet';
import { matchesTemplate, normalizeWording, renderDefaults } from './template';

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
  return finder.find(text, prose).map(({ start, end, snippet, cover }) => {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const nextBreak = text.indexOf('\n', end);
    const lineEnd = nextBreak === -1 ? text.length : text[nextBreak - 1] === '\r' ? nextBreak - 1 : nextBreak;
    const lines = text.slice(lineStart, lineEnd);
    const name = `“${snippet.title}” (v${snippet.version})`;
    if (matchesTemplate(snippet.parts, lines)) {
      const mark: StyleFix = { title: 'Mark as vetted snippet', start: lineStart, end: lineEnd, replacement: `${openMarker(snippet.id, snippet.version, snippet.hash)}${eol}${lines}${eol}${CLOSE_MARKER}` };
      return { rule: 'snippet-unmarked', start, end, message: `This is the text of the vetted snippet ${name}, without its markers; mark it so edits and updates are noticed.`, fixes: [mark] };
    }
    // Markers must stand on lines of their own; the writer's own sentences on the passage's lines stay.
    const span = nearCopySpan(text, start, end, lineStart, lineEnd, normalizeWording(renderDefaults(snippet.parts)));
    const before = span.start === lineStart ? '' : eol;
    const after = span.end === lineEnd ? '' : eol;
    const next = markedSnippet(snippet, eol);
    const replace: StyleFix = { title: 'Replace with the vetted text', ...span, replacement: before + next.text + after, snippet: before + next.snippet + after, preview: true };
    const share = Math.round(cover * 100);
    return { rule: 'snippet-unmarked', start, end, message: `This passage is close to the vetted snippet ${name} (${share}% of its wording), without its markers.`, fixes: [replace] };
  });
}

/**
 * What a near copy's *Replace* fix replaces. The passage runs from its first to its last shared
 * shingle, so the edited words at its edges, and short runs of wording between slots, lie
 * outside it; replacing the passage alone would leave those pieces beside the vetted text. So
 * the span grows to whole sentences, and over the neighbouring sentences on the passage's lines
 * that are the snippet's own wording (`wording`, normalised, slots at their defaults).
 */
function nearCopySpan(text: string, start: number, end: number, lineStart: number, lineEnd: number, wording: string): Span {
  const lines = text.slice(lineStart, lineEnd);
  const sentences: Span[] = [];
  let from = 0;
  const push = (to: number) => {
    const at = from + (/^\s*/.exec(lines.slice(from, to))?.[0].length ?? 0);
    if (at < to) sentences.push({ start: lineStart + at, end: lineStart + to });
    from = to;
  };
  for (const m of lines.matchAll(/[.!?]["'”’)\]]*(?=\s|$)/g)) push(m.index + m[0].length);
  push(lines.trimEnd().length);
  const own = (s: Span) => wording.includes(normalizeWording(text.slice(s.start, s.end)));
  let first = sentences.findIndex((s) => s.end > start);
  let last = sentences.length - 1;
  while (last >= 0 && sentences[last].start >= end) last--;
  if (first === -1 || first > last) return { start, end };
  while (first > 0 && own(sentences[first - 1])) first--;
  while (last < sentences.length - 1 && own(sentences[last + 1])) last++;
  return { start: Math.min(start, sentences[first].start), end: Math.max(end, sentences[last].end) };
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
