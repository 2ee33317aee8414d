import type MarkdownIt from 'markdown-it';
import type { Entry } from '../kb/types';
import { writtenName } from '../kb/writtenName';
import type { KnowledgeBase } from '../knowledgeBase';

/** A markdown-it parser, as plugins receive it. */
export type MarkdownItInstance = InstanceType<typeof MarkdownIt>;

/** How {@link termMarks} finds its knowledge base and decides whether to mark a render. */
export interface TermMarksOptions {
  /**
   * The knowledge base to mark terms from, asked at every render; `undefined` while it is still
   * loading, and the text renders unmarked (markdown-it renders synchronously, it cannot wait).
   */
  readonly kb: () => KnowledgeBase | undefined;
  /** Whether to mark terms in this render (`env` is the render's environment), asked once per render; default: always. */
  readonly enabled?: (env: unknown) => boolean;
}

/** The class of a marked term, which {@link TERM_MARK_CSS} styles. */
export const TERM_MARK_CLASS = 'medterms-term';

/**
 * The style of a marked term: a dotted underline in the text's own colour, so it reads in light,
 * dark and high-contrast themes alike, and a help cursor. `media/preview.css` (the preview
 * stylesheet VS Code loads) is this text; a unit test keeps them equal.
 */
export const TERM_MARK_CSS = `.${TERM_MARK_CLASS} {
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-thickness: 1px;
  text-underline-offset: 0.2em;
  cursor: help;
}

.${TERM_MARK_CLASS}:hover {
  text-decoration-style: solid;
}
`;

/**
 * A markdown-it plugin that marks the medical terms of the rendered text:
 * `<span class="medterms-term" title="plain definition" data-medterms-id="id">term</span>`,
 * with a dotted underline ({@link TERM_MARK_CSS}) and the entry's plain definition (or its
 * plainer wording) as the tooltip. Used by VS Code's Markdown preview, by `medterms render`, and
 * usable by a docs site: `md.use(termMarks, { kb: () => kb })`. Only text is marked: code,
 * HTML, link destinations and image descriptions never are. Everything taken from the knowledge
 * base is escaped for HTML. Terms whose entry explains nothing (no definition, no plainer
 * wording) are left unmarked: a mark promises an explanation.
 */
export function termMarks(md: MarkdownItInstance, options: TermMarksOptions): void {
  const { escapeHtml } = md.utils;
  const renderText = md.renderer.rules.text ?? ((tokens, idx) => escapeHtml(tokens[idx].content));
  // Asked once per render (markdown-it gives each render its own environment object), not per
  // run of text: a setting read per token would cost a long document dearly.
  const decided = new WeakMap<object, boolean>();
  const enabled = (env: unknown) => {
    if (!options.enabled) return true;
    if (typeof env !== 'object' || env === null) return options.enabled(env);
    let yes = decided.get(env);
    if (yes === undefined) decided.set(env, (yes = options.enabled(env)));
    return yes;
  };
  md.renderer.rules.text = (tokens, idx, renderOptions, env, self) => {
    const kb = options.kb();
    if (!kb || !enabled(env)) return renderText(tokens, idx, renderOptions, env, self);
    const text = tokens[idx].content;
    let html = '';
    let at = 0;
    for (const hit of kb.termIndex.findTerms(text)) {
      const entry = kb.get(hit.entryId);
      const explanation = entry && plainExplanation(entry);
      if (!explanation) continue;
      html += `${escapeHtml(text.slice(at, hit.start))}<span class="${TERM_MARK_CLASS}" title="${escapeHtml(explanation)}" data-medterms-id="${escapeHtml(entry.id)}">${escapeHtml(text.slice(hit.start, hit.end))}</span>`;
      at = hit.end;
    }
    return at === 0 ? renderText(tokens, idx, renderOptions, env, self) : html + escapeHtml(text.slice(at));
  };
}

/**
 * What a marked term's tooltip says: `Name: definition`, or `Name: in plain words, plainer
 * wording` for an entry with no definition; `undefined` for an entry that explains nothing.
 * One line: a definition's line breaks become spaces.
 */
export function plainExplanation(entry: Entry): string | undefined {
  const written = writtenName(entry);
  // A tooltip is a line of its own: its first word takes a capital.
  const name = written.charAt(0).toUpperCase() + written.slice(1);
  const text = entry.definition ? `${name}: ${entry.definition}` : entry.sayInstead ? `${name}: in plain words, ${entry.sayInstead}.` : undefined;
  return text?.replace(/\s+/g, ' ').trim();
}
