import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseDocument, type Document } from 'yaml';
import kbSchema from '../../../data/schema/kb.schema.json';
import { LineMap } from '../text';
import { formatPath, validateJson, type JsonPath, type SchemaNode, type SchemaViolation } from './jsonSchema';
import { firstSyntaxError, locatePaths } from './locate';
import type { Entry, KbFile } from './types';

/** Something wrong with a knowledge-base file, located for the person who has to fix it. */
export interface Problem {
  readonly file: string;
  /** One-based line. */
  readonly line: number;
  /** One-based column (UTF-16 units), where known: where the value at fault starts. */
  readonly column?: number;
  readonly message: string;
  /** `error`: the file or an entry was not loaded. `warning`: loaded, but something was left out. */
  readonly severity: 'error' | 'warning';
}

/** A parsed file: what could be loaded, and what could not. */
export interface LoadResult {
  readonly kb: KbFile;
  readonly problems: readonly Problem[];
  /**
   * Where each path of the file's value starts (one-based line and column), for problems found
   * after parsing (a layer's merge: a dangling related id, a colliding abbreviation). Paths
   * index `entries` as the file wrote them; see {@link entryIndexes}.
   */
  readonly locate?: (paths: readonly JsonPath[]) => { line: number; column: number }[];
  /** For each loaded entry, its index among the file's `entries` (entries left out shift the rest). */
  readonly entryIndexes?: readonly number[];
}

/** How a knowledge-base file is written. */
export type KbFormat = 'json' | 'yaml';

const SCHEMA = kbSchema as SchemaNode;

/**
 * The schema of a team's layer file (`.medterms/terms/*.json`): the knowledge-base schema, but an
 * entry needs only its id — one that an earlier layer has is overridden field by field, or
 * removed with `"suppress": true`. `data/schema/layer.schema.json` is this, written out for the
 * editor's IntelliSense (a unit test keeps the two the same).
 */
export function layerSchema(schema: SchemaNode = SCHEMA): SchemaNode {
  const entry = schema.definitions!.entry;
  const suppress: SchemaNode & { description: string } = {
    enum: [true],
    description: 'Remove the entry with this id, which an earlier layer (the bundled knowledge base, a shared folder) has: it is no longer recognised, completed or looked up.',
  };
  return <SchemaNode & { title: string }>{
    ...schema,
    $id: 'https://medterms.invalid/schema/layer.schema.json',
    title: 'MedTerms knowledge layer (a team\'s own terms)',
    definitions: {
      ...schema.definitions,
      entry: { ...entry, required: ['id'], properties: { ...entry.properties, suppress } },
    },
  };
}

const LAYER_SCHEMA = layerSchema();

/**
 * Parses and validates one knowledge-base file against `data/schema/kb.schema.json`.
 * Never throws on bad input: a file that is not JSON loads as empty with one problem naming the
 * line; an entry that breaks the schema, or repeats an id, is left out with a problem naming
 * its line, and the other entries load.
 * @param text the file's contents (a leading BOM is ignored).
 * @param file the name to put in problems, e.g. a path or `bundled knowledge base`.
 * @param options.trusted skip the schema check, for a file validated when it was built (the
 *   bundled knowledge base: its unit tests validate it, and the check would cost most of the
 *   time to the first hover). Invalid JSON is still reported.
 */
export function parseKbFile(text: string, file: string, options: { trusted?: boolean; layer?: boolean; format?: KbFormat } = {}): LoadResult {
  const body = text.replace(/^\uFEFF/, '');
  const read = options.format === 'yaml' ? readYaml(body, file) : readJson(body, file);
  if ('problem' in read) return { kb: { entries: [] }, problems: [read.problem] };
  const { value, locate } = read;
  if (options.trusted) return { kb: value as KbFile, problems: [] };
  const violations = [...validateJson(value, options.layer ? LAYER_SCHEMA : SCHEMA), ...duplicateIds(value)];
  const entryCount = Array.isArray((value as { entries?: unknown })?.entries) ? (value as { entries: unknown[] }).entries.length : 0;
  const allIndexes = Array.from({ length: entryCount }, (_, i) => i);
  if (violations.length === 0) return { kb: value as KbFile, problems: [], locate, entryIndexes: allIndexes };

  // Locating problems re-reads the text with positions: only worth it when there are problems.
  // One pass for all of them, without recursion, so a file nested thousands deep is read too.
  const positions = locate(violations.map((v) => v.path));
  const problems: Problem[] = [];
  const badEntries = new Set<number>();
  for (const [i, v] of violations.entries()) {
    const [top, index] = v.path;
    const { line, column } = positions[i];
    if (top === 'entries' && typeof index === 'number') {
      badEntries.add(index);
      problems.push({ file, line, column, severity: 'error', message: `${formatPath(v.path)} ${v.message}; this entry was not loaded.` });
    } else if (top === 'entries' || v.path.length === 0) {
      problems.push({ file, line, column, severity: 'error', message: `${formatPath(v.path) || 'The file'} ${v.message}; nothing in this file was loaded.` });
      return { kb: { entries: [] }, problems };
    } else {
      // A broken top-level field (say, `sources`) is dropped rather than trusted; entries still load.
      problems.push({ file, line, column, severity: 'warning', message: `${formatPath(v.path)} ${v.message}; "${top}" was ignored.` });
    }
  }
  const { entries, ...rest } = value as { entries: Entry[] } & Record<string, unknown>;
  const kept = Object.fromEntries(Object.entries(rest).filter(([k]) => !violations.some((v) => v.path[0] === k)));
  const entryIndexes = allIndexes.filter((i) => !badEntries.has(i));
  return { kb: { ...kept, entries: entryIndexes.map((i) => entries[i]) } as KbFile, problems, locate, entryIndexes };
}

type Read = { value: unknown; locate: NonNullable<LoadResult['locate']> } | { problem: Problem };

function readJson(body: string, file: string): Read {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { problem: syntaxProblem(body, file) };
  }
  let lines: LineMap | undefined;
  const locate = (paths: readonly JsonPath[]) => {
    lines ??= new LineMap(body);
    return locatePaths(body, paths).map((offset) => oneBased(lines!, offset ?? 0));
  };
  return { value, locate };
}

/**
 * A YAML layer (`.medterms/terms/*.yaml`), for teams who write YAML: the same shape as the JSON
 * file. Read as data only (no custom tags, no anchors' aliases beyond the library's limits).
 */
function readYaml(body: string, file: string): Read {
  let doc: Document;
  try {
    doc = parseDocument(body, { prettyErrors: false, uniqueKeys: true });
  } catch {
    return { problem: { file, line: 1, column: 1, severity: 'error', message: 'not valid YAML; nothing in this file was loaded.' } };
  }
  const lines = new LineMap(body);
  const error = doc.errors[0];
  if (error) {
    const at = oneBased(lines, error.pos[0]);
    return { problem: { file, ...at, severity: 'error', message: `not valid YAML (${error.message.split('\n')[0]}); nothing in this file was loaded.` } };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { problem: { file, line: 1, column: 1, severity: 'error', message: `not valid YAML (${(err as Error).message}); nothing in this file was loaded.` } };
  }
  const locate = (paths: readonly JsonPath[]) =>
    paths.map((path) => {
      // The deepest node of the path the document has (a missing property is reported on its object).
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return oneBased(lines, node.range[0]);
      }
      return { line: 1, column: 1 };
    });
  return { value, locate };
}

function oneBased(lines: LineMap, offset: number): { line: number; column: number } {
  const at = lines.position(offset);
  return { line: at.line + 1, column: at.column + 1 };
}

/** An id used by an earlier entry of the same file: the later entry is the one left out. */
function duplicateIds(value: unknown): SchemaViolation[] {
  const entries = (value as { entries?: unknown })?.entries;
  if (!Array.isArray(entries)) return [];
  const seen = new Set<unknown>();
  const out: SchemaViolation[] = [];
  entries.forEach((entry, i) => {
    const id = (entry as { id?: unknown })?.id;
    if (typeof id !== 'string') return;
    if (seen.has(id)) out.push({ path: ['entries', i, 'id'], message: `repeats the id "${id}" of an earlier entry` });
    seen.add(id);
  });
  return out;
}

function syntaxProblem(text: string, file: string): Problem {
  let first: { offset: number; error: string } | undefined;
  try {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    first = errors[0] && { offset: errors[0].offset, error: printParseErrorCode(errors[0].error) };
  } catch {
    // parseTree recurses per level of nesting: a deeply nested text is read without recursion.
    first = firstSyntaxError(text);
  }
  const at = first ? oneBased(new LineMap(text), first.offset) : { line: 1, column: 1 };
  const what = first ? first.error : 'invalid JSON';
  return { file, ...at, severity: 'error', message: `not valid JSON (${what}); nothing in this file was loaded.` };
}
