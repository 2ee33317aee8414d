// Validates the knowledge base the build is about to write against data/schema/kb.schema.json,
// with the core's own validator (src/core/kb/jsonSchema.ts, the one load.ts uses for users'
// files). The extension loads the bundled file trusted, without checking it (see
// src/core/bundled.ts), so the build refuses to write an entry the schema would reject.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { core } from '../lib/core.mjs';
import { DATA, fail } from './common.mjs';

const { formatPath, validateJson } = core;

const SHOWN = 40; // problems listed in the message at the most

/** Fails, naming each invalid entry by id and the path inside it, unless `kbText` is valid. */
export function validateKb(kbText) {
  const schema = JSON.parse(readFileSync(join(DATA, 'schema/kb.schema.json'), 'utf8'));
  const kb = JSON.parse(kbText);
  const violations = validateJson(kb, schema);
  if (!violations.length) return;
  const lines = violations.slice(0, SHOWN).map((v) => describeViolation(kb, v));
  if (violations.length > SHOWN) lines.push(`… and ${violations.length - SHOWN} more`);
  fail(`the knowledge base breaks data/schema/kb.schema.json in ${violations.length} place${violations.length === 1 ? '' : 's'}:\n  ${lines.join('\n  ')}`);
}

/** `entry "asthma" (entries[12]) codes.icd10cm: … `, or the file-level path for other fields. */
function describeViolation(kb, { path, message }) {
  const [top, index, ...inside] = path;
  if (top !== 'entries' || typeof index !== 'number') return `${formatPath(path) || 'the file'}: ${message}`;
  const id = kb.entries[index]?.id;
  const name = typeof id === 'string' ? `entry ${JSON.stringify(id)}` : 'an entry without an id';
  return `${name} (entries[${index}])${inside.length ? ` ${formatPath(inside)}` : ''}: ${message}`;
}
