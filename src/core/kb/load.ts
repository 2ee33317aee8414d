import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseDocument, type Document } from 'yaml';
import kbSchema from '../../../data/schema/kb.schema.json';
import { LineMap } from '../text';
import { formatPath, validateJson, type JsonPath, type SchemaNode, type SchemaViolation } from './jsonSchema';
import { firstSyntaxError, locatePaths } from './locate';
import type { KbFile } from './types';

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
  if (options.trusted) {
    const read = readText(text, file, options.format);
    return 'problem' in read ? { kb: { entries: [] }, problems: [read.problem] } : { kb: read.value as KbFile, problems: [] };
  }
  const { value, problems, locate, itemIndexes } = parseListFile(text, file, options.layer ? LAYER_SCHEMA : SCHEMA, ENTRY_LIST, options.format);
  return { kb: (value ?? { entries: [] }) as unknown as KbFile, problems, locate, entryIndexes: itemIndexes };
}

/** How a file's list of items is read: under which key, what an item is called, and what makes two items the same. */
export interface ListShape {
  /** The top-level key of the list: `entries`, `words`. */
  readonly key: string;
  /** What one item is called in messages: `entry`, `word`. */
  readonly noun: string;
  /** The field that names an item (`id`, `term`), and its key: two items with one key are duplicates. */
  readonly name: string;
  readonly keyOf: (name: string) => string;
}

const ENTRY_LIST: ListShape = { key: 'entries', noun: 'entry', name: 'id', keyOf: (id) => id };

/** A file of a list of items, parsed and validated (see {@link parseListFile}). */
export interface ListFileParse {
  /** The file's value with only its valid items in the list and its valid top-level fields; `undefined` when nothing could be loaded. */
  readonly value: Record<string, unknown> | undefined;
  readonly problems: readonly Problem[];
  readonly locate?: LoadResult['locate'];
  /** For each item kept, its index in the list as written. */
  readonly itemIndexes?: readonly number[];
}

/**
 * Parses a JSON (or YAML) file that holds a list of items under `shape.key` and validates it
 * against `schema`. Never throws on bad input: a file that cannot be parsed, or whose list is
 * broken as a whole, loads nothing, with one problem at the line and column at fault; an item
 * that breaks the schema, or repeats an earlier item's name, is left out with a problem at its
 * line and column, and the others load; a broken top-level field is ignored with a warning.
 * Shared by knowledge-base files (`entries`) and plain-word lists (`words`).
 */
export function parseListFile(text: string, file: string, schema: SchemaNode, shape: ListShape, format: KbFormat = 'json'): ListFileParse {
  const read = readText(text, file, format);
  if ('problem' in read) return { value: undefined, problems: [read.problem] };
  const { value, locate } = read;
  const violations = [...validateJson(value, schema), ...duplicates(value, shape)];
  const list = (value as Record<string, unknown> | null)?.[shape.key];
  const allIndexes = Array.from({ length: Array.isArray(list) ? list.length : 0 }, (_, i) => i);
  if (violations.length === 0) return { value: value as Record<string, unknown>, problems: [], locate, itemIndexes: allIndexes };

  // Locating problems re-reads the text with positions: only worth it when there are problems.
  // One pass for all of them, without recursion, so a file nested thousands deep is read too.
  const positions = locate(violations.map((v) => v.path));
  const problems: Problem[] = [];
  const badItems = new Set<number>();
  for (const [i, v] of violations.entries()) {
    const [top, index] = v.path;
    const { line, column } = positions[i];
    if (top === shape.key && typeof index === 'number') {
      badItems.add(index);
      problems.push({ file, line, column, severity: 'error', message: `${formatPath(v.path)} ${v.message}; this ${shape.noun} was not loaded.` });
    } else if (top === shape.key || v.path.length === 0) {
      problems.push({ file, line, column, severity: 'error', message: `${formatPath(v.path) || 'The file'} ${v.message}; nothing in this file was loaded.` });
      return { value: undefined, problems };
    } else {
      // A broken top-level field (say, `sources`) is dropped rather than trusted; the items still load.
      problems.push({ file, line, column, severity: 'warning', message: `${formatPath(v.path)} ${v.message}; "${top}" was ignored.` });
    }
  }
  const { [shape.key]: items, ...rest } = value as Record<string, unknown>;
  const kept = Object.fromEntries(Object.entries(rest).filter(([k]) => !violations.some((v) => v.path[0] === k)));
  const itemIndexes = allIndexes.filter((i) => !badItems.has(i));
  return { value: { ...kept, [shape.key]: itemIndexes.map((i) => (items as unknown[])[i]) }, problems, locate, itemIndexes };
}

/** The file's value, read as JSON or YAML without its BOM, or the problem that stopped it. */
function readText(text: string, file: string, format: KbFormat = 'json'): Read {
  const body = text.replace(/^\uFEFF/, '');
  return format === 'yaml' ? readYaml(body, file) : readJson(body, file);
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

/** An item named like an earlier item of the same file: the later one is the one left out. */
function duplicates(value: unknown, shape: ListShape): SchemaViolation[] {
  const items = (value as Record<string, unknown> | null)?.[shape.key];
  if (!Array.isArray(items)) return [];
  const seen = new Set<string>();
  const out: SchemaViolation[] = [];
  items.forEach((item, i) => {
    const name = (item as Record<string, unknown> | null)?.[shape.name];
    if (typeof name !== 'string') return;
    const key = shape.keyOf(name);
    if (seen.has(key)) out.push({ path: [shape.key, i, shape.name], message: `repeats the ${shape.name} "${name}" of an earlier ${shape.noun}` });
    seen.add(key);
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
