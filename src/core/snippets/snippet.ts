import { isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import snippetSchema from '../../../data/schema/snippet.schema.json';
import { formatPath, validateJson, type JsonPath, type SchemaNode } from '../kb/jsonSchema';
import type { Problem } from '../kb/load';
import type { ReviewStatus } from '../kb/types';
import { LineMap } from '../text';
import { sha256Hex } from './sha256';
import { maskedWording, parseTemplate, renderDefaults, type TemplatePart } from './template';

/** Where a snippet stands: approved for use, not yet approved, or withdrawn. */
export type SnippetStatus = 'vetted' | 'draft' | 'retired';

/** A public page a snippet was checked against. */
export interface SnippetSourceRef {
  readonly title: string;
  readonly url: string;
  /** Credit wording the source's reuse terms ask for, shown wherever the sources are. */
  readonly attribution?: string;
}

/** The front matter of a snippet file; `data/schema/snippet.schema.json` is its JSON Schema twin. */
export interface SnippetMeta {
  /** Stable kebab-case id; provenance markers name it. */
  readonly id: string;
  readonly title: string;
  /** Bumped on every change of the body. */
  readonly version: number;
  /** Knowledge-base entry ids the snippet is about, main topic first. */
  readonly terms: readonly string[];
  readonly status: SnippetStatus;
  /** What review the text has truly had (never more than happened). */
  readonly review: Exclude<ReviewStatus, 'unreviewed'>;
  /** A role, never a person's name. */
  readonly reviewedBy: string;
  /** ISO dates (YYYY-MM-DD). */
  readonly reviewedOn: string;
  readonly reviewDue: string;
  readonly audience?: string;
  /** Flesch-Kincaid grade of the body at its defaults, as {@link snippetReadingGrade} computes it. */
  readonly readingGrade?: number;
  readonly sources: readonly SnippetSourceRef[];
}

/** A vetted snippet: its front matter, its body (a VS Code snippet template) and its provenance hash. */
export interface Snippet extends SnippetMeta {
  /** The body as written in the file: VS Code snippet syntax, ready for a `SnippetString`. */
  readonly body: string;
  readonly parts: readonly TemplatePart[];
  /** First 8 hex digits of the SHA-256 of the body's wording, slots masked (see `maskedWording`). */
  readonly hash: string;
  /** The file it was read from, for messages. */
  readonly file: string;
}

/** A snippet file as read: its name (for messages) and text. */
export interface SnippetSource {
  readonly file: string;
  readonly text: string;
  /**
   * The front matter, already read from its YAML: esbuild.mjs does this for the bundled
   * snippets, because reading YAML is the slowest part of loading them (about 200 ms for 66
   * files in a cold process). It is validated all the same.
   */
  readonly frontMatter?: unknown;
}

/** A snippet file parsed: the snippet, or the problems that kept it out. */
export interface SnippetParse {
  readonly snippet?: Snippet;
  readonly problems: readonly Problem[];
}

const SCHEMA = snippetSchema as SchemaNode;
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n/;
const FRONT_MATTER_END = /^---[ \t]*\r?$/m;

/**
 * Parses one snippet file: YAML front matter (validated against `snippet.schema.json`) and a
 * body in VS Code snippet syntax. Never throws: a file that cannot be a snippet comes back with
 * problems naming their line, and no snippet.
 */
export function parseSnippet(source: SnippetSource): SnippetParse {
  const { file, text } = source;
  const lines = new LineMap(text);
  const problem = (offset: number, message: string): SnippetParse => ({ problems: [{ file, line: lines.position(offset).line + 1, severity: 'error', message: `${message}; this snippet was not loaded.` }] });
  const open = FRONT_MATTER.exec(text);
  if (!open) return problem(0, 'a snippet starts with YAML front matter between "---" lines');
  const rest = text.slice(open[0].length);
  const close = FRONT_MATTER_END.exec(rest);
  if (!close) return problem(0, 'the front matter is not closed by a "---" line');
  const yamlStart = open[0].length;
  const yamlText = rest.slice(0, close.index);
  const bodyStart = yamlStart + close.index + close[0].length + (rest[close.index + close[0].length] === '\n' ? 1 : 0);

  const read = () => parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  const doc = source.frontMatter === undefined ? read() : undefined;
  const yamlError = doc?.errors[0];
  if (yamlError) return problem(yamlStart + yamlError.pos[0], `the front matter is not valid YAML (${yamlError.message.split('\n')[0]})`);
  const meta = doc ? (doc.toJS() as unknown) : source.frontMatter;
  const violations = validateJson(meta, SCHEMA);
  if (violations.length > 0) {
    const located = doc ?? read(); // for the lines of the problems
    return {
      problems: violations.map((v) => ({
        file,
        line: lines.position(yamlStart + yamlOffset(located.contents, v.path)).line + 1,
        severity: 'error' as const,
        message: `${formatPath(v.path) || 'The front matter'} ${v.message}; this snippet was not loaded.`,
      })),
    };
  }
  const body = text.slice(bodyStart).trimEnd();
  const template = parseTemplate(body);
  if (template.problems.length > 0) {
    return { problems: template.problems.map((p) => ({ file, line: lines.position(bodyStart + p.offset).line + 1, severity: 'error' as const, message: `${p.message}; this snippet was not loaded.` })) };
  }
  if (!body) return problem(bodyStart, 'the snippet has no text after its front matter');
  const parts = template.parts;
  let hash: string | undefined;
  const snippet: Snippet = {
    ...(meta as SnippetMeta),
    body,
    parts,
    file,
    // Computed when first asked for (a block names the snippet, or it is inserted), not for all.
    get hash() {
      return (hash ??= snippetHash(parts));
    },
  };
  return { snippet, problems: [] };
}

/** What a team allows to be inserted (the `medterms.snippets.*` settings). */
export interface InsertPolicy {
  readonly allowDrafts: boolean;
  readonly allowOverdue: boolean;
  /** YYYY-MM-DD. */
  readonly today: string;
}

/**
 * Why a snippet may not be inserted under a policy, as a message for the writer, or `undefined`
 * when it may. A retired snippet never may.
 */
export function insertionRefusal(snippet: Snippet, policy: InsertPolicy): string | undefined {
  if (snippet.status === 'retired') return `“${snippet.title}” has been retired and cannot be inserted.`;
  if (snippet.status === 'draft' && !policy.allowDrafts) return `“${snippet.title}” is a draft, and drafts may not be inserted here (setting medterms.snippets.allowDrafts).`;
  if (snippet.reviewDue < policy.today && !policy.allowOverdue) {
    return `The review of “${snippet.title}” was due on ${snippet.reviewDue}, and overdue snippets may not be inserted here (setting medterms.snippets.allowOverdue).`;
  }
  return undefined;
}

/** The provenance hash of a body: 8 hex digits of SHA-256 over its wording with slots masked. */
export function snippetHash(parts: readonly TemplatePart[]): string {
  return sha256Hex(maskedWording(parts)).slice(0, 8);
}

/** The snippet's text with each slot at its default, as `medterms snippet` prints it. */
export function snippetText(snippet: Snippet): string {
  return renderDefaults(snippet.parts);
}

/**
 * The Flesch-Kincaid grade of a snippet as a reader meets it: slots at their defaults, Markdown
 * marks removed, and each list item or heading read as a sentence of its own (a bullet list of
 * fragments is not one long sentence); wrapped lines of a paragraph are joined.
 * @param grade the readability formula (the core's `fleschKincaidGrade`), rounded here to one decimal.
 */
export function snippetReadingGrade(snippet: Pick<Snippet, 'parts'>, grade: (text: string) => number): number {
  const units: string[] = [];
  let current = '';
  const end = () => {
    if (current) units.push(/[.!?:]$/.test(current) ? current : `${current}.`);
    current = '';
  };
  for (const raw of renderDefaults(snippet.parts).split(/\r?\n/)) {
    const marked = /^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+/.exec(raw);
    const line = raw.slice(marked?.[0].length ?? 0).replace(/[*_`|]/g, '').trim();
    if (marked || !line) end();
    if (line) current = current ? `${current} ${line}` : line;
  }
  end();
  return Math.round(grade(units.join(' ')) * 10) / 10;
}

/** The offset in the YAML text of the node at `path`, or of its nearest ancestor that exists. */
function yamlOffset(root: unknown, path: JsonPath): number {
  let node = root as YamlNode | null;
  let offset = (node as YamlNode | null)?.range?.[0] ?? 0;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) next = node.items.find((pair) => (pair.key as { value?: unknown } | null)?.value === key);
    else if (isSeq(node) && typeof key === 'number') next = node.items[key];
    if (!next) break;
    const pair = next as { key?: YamlNode; value?: YamlNode };
    const target = isMap(node) ? (pair.value ?? pair.key) : (next as YamlNode);
    offset = (isMap(node) ? pair.key?.range?.[0] : undefined) ?? target?.range?.[0] ?? offset;
    node = isMap(node) ? (pair.value ?? null) : (next as YamlNode);
  }
  return offset;
}
