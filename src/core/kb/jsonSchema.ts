/**
 * A validator for the subset of JSON Schema (draft-07) that `data/schema/*.schema.json` use:
 * type, enum, required, properties, additionalProperties: false, items, uniqueItems, pattern,
 * minLength, minimum, minItems and local `$ref`s. Small on purpose: it runs in the browser build too, and the
 * schema files stay the single statement of what a valid file is.
 */

/** A JSON Schema node, as far as this validator reads it. */
export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  readonly enum?: readonly unknown[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: boolean;
  readonly items?: SchemaNode;
  readonly uniqueItems?: boolean;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly minItems?: number;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
}

/** Where in the JSON value a problem is: property names and array indexes from the root. */
export type JsonPath = (string | number)[];

/** One way a value breaks its schema. */
export interface SchemaViolation {
  readonly path: JsonPath;
  readonly message: string;
}

/**
 * How deep the validator follows a value. The schemas nest a few levels; a recursive `$ref` could
 * nest deeper, but past this depth a value is reported rather than followed, so a file nested
 * thousands of levels deep cannot exhaust the stack.
 */
export const MAX_DEPTH = 64;

/** Every way `value` breaks `schema`; empty when it is valid. `root` resolves `#/definitions/…` refs. */
export function validateJson(value: unknown, schema: SchemaNode, root: SchemaNode = schema, path: JsonPath = []): SchemaViolation[] {
  const node = schema.$ref ? resolveRef(root, schema.$ref) : schema;
  const out: SchemaViolation[] = [];
  const fail = (message: string) => out.push({ path, message });
  if (path.length > MAX_DEPTH) return [{ path, message: `is nested more than ${MAX_DEPTH} levels deep` }];

  if (node.enum && !node.enum.includes(value)) fail(`must be one of ${node.enum.map((v) => quoted(v)).join(', ')}`);
  if (node.type && !hasType(value, node.type)) {
    fail(`must be ${node.type === 'array' || node.type === 'object' ? 'an' : 'a'} ${node.type}`);
    return out;
  }
  if (typeof value === 'string') {
    if (node.minLength !== undefined && value.length < node.minLength) fail('must not be empty');
    if (node.pattern && !patternOf(node.pattern).test(value)) fail(`${quoted(value)} does not match the pattern ${node.pattern}`);
  } else if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum) fail(`must be at least ${node.minimum}`);
  } else if (Array.isArray(value)) {
    if (node.minItems !== undefined && value.length < node.minItems) fail(`must have at least ${node.minItems} item${node.minItems === 1 ? '' : 's'}`);
    if (node.uniqueItems) {
      const seen = new Set<string>();
      value.forEach((item, i) => {
        // Items are compared as JSON; one too deep to write as JSON is reported by its own check.
        const key = jsonOf(item);
        if (key === undefined) return;
        if (seen.has(key)) out.push({ path: [...path, i], message: `duplicates an earlier item ${quoted(item)}` });
        seen.add(key);
      });
    }
    if (node.items) value.forEach((item, i) => out.push(...validateJson(item, node.items!, root, [...path, i])));
  } else if (isObject(value)) {
    for (const key of node.required ?? []) if (!(key in value)) fail(`is missing the required property "${key}"`);
    for (const [key, child] of Object.entries(value)) {
      const sub = node.properties?.[key];
      if (sub) out.push(...validateJson(child, sub, root, [...path, key]));
      else if (node.additionalProperties === false) out.push({ path: [...path, key], message: `has an unknown property "${key}"` });
    }
  }
  return out;
}

/** `JSON.stringify(value)`, or `undefined` for a value nested too deeply to write. */
function jsonOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

const MAX_QUOTED = 80;

/** A value as JSON for a message, cut short past {@link MAX_QUOTED} characters (a 5 MB id is not repeated whole). */
function quoted(value: unknown): string {
  if (typeof value === 'string' && value.length > MAX_QUOTED) return `${JSON.stringify(value.slice(0, MAX_QUOTED))}… (${value.length} characters)`;
  const json = jsonOf(value) ?? '(a deeply nested value)';
  return json.length > MAX_QUOTED ? `${json.slice(0, MAX_QUOTED)}…` : json;
}

// Each schema pattern compiled once: a knowledge-base file checks the same few thousands of times.
const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source, 'u')));
  return re;
}

function resolveRef(root: SchemaNode, ref: string): SchemaNode {
  const name = /^#\/definitions\/(.+)$/.exec(ref)?.[1];
  const target = name ? root.definitions?.[name] : undefined;
  if (!target) throw new Error(`Unsupported or unknown schema $ref: ${ref}`); // a bug in our schema, not in user data
  return target;
}

function hasType(value: unknown, type: NonNullable<SchemaNode['type']>): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `entries[3].codes.icd10cm` — how a path is shown to people. */
export function formatPath(path: JsonPath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}
