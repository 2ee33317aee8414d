import MarkdownIt from 'markdown-it';
import type { KnowledgeBase } from '../knowledgeBase';
import { frontMatterLength } from '../markdown/prose';
import { TERM_MARK_CSS, termMarks } from './termMarks';

// A readable page in a browser's light or dark scheme, printable as a handout.
const PAGE_CSS = `:root { color-scheme: light dark; }
body {
  max-width: 42rem;
  margin: 2rem auto;
  padding: 0 1rem;
  font: 1.125rem/1.6 system-ui, -apple-system, "Segoe UI", sans-serif;
}
img { max-width: 100%; }
code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; }
pre { overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid currentColor; padding: 0.25rem 0.5rem; }
`;

/**
 * A Markdown article as a standalone HTML page (inline CSS, no scripts, nothing fetched) with its
 * medical terms marked and explained by tooltips ({@link termMarks}): a handout a writer can
 * review in a browser, as `medterms render` writes it. Its title is the article's first heading, or
 * `fallbackTitle` (a file name) when it has none. Raw HTML in the Markdown is escaped, not
 * passed through, so the page shows what the article says and runs nothing; the title is escaped
 * too. Front matter, which is for tools, is left out.
 */
export function renderHandout(markdown: string, kb: KnowledgeBase, fallbackTitle: string): string {
  const md = new MarkdownIt({ html: false, linkify: true }).use(termMarks, { kb: () => kb });
  const env = {};
  const tokens = md.parse(markdown.slice(frontMatterLength(markdown)).replace(/^\uFEFF/, ''), env);
  const heading = tokens.findIndex((t) => t.type === 'heading_open');
  const title = (heading !== -1 && tokens[heading + 1]?.content.trim()) || fallbackTitle;
  const body = md.renderer.render(tokens, md.options, env);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="MedTerms">
<title>${md.utils.escapeHtml(title)}</title>
<style>
${PAGE_CSS}
${TERM_MARK_CSS}</style>
</head>
<body>
${body}</body>
</html>
`;
}
