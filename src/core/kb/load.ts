import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import kbSchema from '../../../data/schema/kb.schema.json';
import { LineMap } from '../text';
import { formatPath, validateJson, type SchemaNode, type SchemaViolation } from './jsonSchema';
import { firstSyntaxError, locatePaths } from './locate';
import type { Entry, KbFile } from './types';

/** Something wrong with a knowledge-base file, located for the person who has to fix it. */
export interface Problem {
  readonly file: string;
  /** One-based line. */
  readonly line: number;
  readonly message: string;
  /** `error`: the file or an entry was not loaded. `warning`: loaded, but something was left out. */
  readonly severity: 'error' | 'warning';
}

/** A parsed file: what could be loaded, and what could not. */
export interface LoadResult {
  readonly kb: KbFile;
  readonly problems: readonly Problem[];
}

const SCHEMA = kbSchema as SchemaNode;

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
export function parseKbFile(text: string, file: string, options: { trusted?: boolean } = {}): LoadResult {
  const body = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { kb: { entries: [] }, problems: [syntaxProblem(body, file)] };
  }
  if (options.trusted) return { kb: value as KbFile, problems: [] };
  const violations = [...validateJson(value, SCHEMA), ...duplicateIds(value)];
  if (violations.length === 0) return { kb: value as KbFile, problems: [] };

  // Locating problems re-reads the text with positions: only worth it when there are problems.
  // One pass for all of them, without recursion, so a file nested thousands deep is read too.
  const offsets = locatePaths(body, violations.map((v) => v.path));
  const lines = new LineMap(body);
  const at = (i: number) => lines.position(offsets[i] ?? 0).line + 1;
  const problems: Problem[] = [];
  const badEntries = new Set<number>();
  for (const [i, v] of violations.entries()) {
    const [top, index] = v.path;
    if (top === 'entries' && typeof index === 'number') {
      badEntries.add(index);
      problems.push({ file, line: at(i), severity: 'error', message: `${formatPath(v.path)} ${v.message}; this entry was not loaded.` });
    } else if (top === 'entries' || v.path.length === 0) {
      problems.push({ file, line: at(i), severity: 'error', message: `${formatPath(v.path) || 'The file'} ${v.message}; nothing in this file was loaded.` });
      return { kb: { entries: [] }, problems };
    } else {
      // A broken top-level field (say, `sources`) is dropped rather than trusted; entries still load.
      problems.push({ file, line: at(i), severity: 'warning', message: `${formatPath(v.path)} ${v.message}; "${top}" was ignored.` });
    }
  }
  const { entries, ...rest } = value as { entries: Entry[] } & Record<string, unknown>;
  const kept = Object.fromEntries(Object.entries(rest).filter(([k]) => !violations.some((v) => v.path[0] === k)));
  return { kb: { ...kept, entries: entries.filter((_, i) => !badEntries.has(i)) } as KbFile, problems };
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
  const line = first ? new LineMap(text).position(first.offset).line + 1 : 1;
  const what = first ? first.error : 'invalid JSON';
  return { file, line, severity: 'error', message: `not valid JSON (${what}); nothing in this file was loaded.` };
}
