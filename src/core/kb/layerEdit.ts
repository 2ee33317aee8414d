import { applyEdits, modify, parseTree, findNodeAtLocation } from 'jsonc-parser';
import type { Entry } from './types';

/** A text edit on a layer file: replace `length` characters at `offset` with `content`. */
export interface LayerTextEdit {
  readonly offset: number;
  readonly length: number;
  readonly content: string;
}

/** An entry as a team adds it to its layer: a new term, or a suppression of one. */
export type LayerAddition = Entry | { readonly id: string; readonly suppress: true };

/**
 * The edits that add `entry` at the end of a layer file's `entries` (a new file when `existing`
 * is undefined or blank), keeping the rest of the file as written, and where the new entry
 * starts in the edited text (to open the file there).
 */
export function addToLayer(existing: string | undefined, entry: LayerAddition): { edits: LayerTextEdit[]; text: string; entryOffset: number } {
  const formattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };
  const base = existing?.trim() ? existing : '{\n  "$schema": "https://medterms.invalid/schema/layer.schema.json",\n  "entries": []\n}\n';
  const initial: LayerTextEdit[] = base === existing ? [] : [{ offset: 0, length: existing?.length ?? 0, content: base }];
  const tree = parseTree(base);
  const hasEntries = tree && findNodeAtLocation(tree, ['entries'])?.type === 'array';
  const edits = modify(base, hasEntries ? ['entries', -1] : ['entries'], hasEntries ? entry : [entry], { formattingOptions });
  const text = applyEdits(base, edits);
  const after = parseTree(text);
  const entries = after && findNodeAtLocation(after, ['entries']);
  const last = entries?.children?.[entries.children.length - 1];
  // Edits on a new file are one replacement of the whole (empty) text.
  const out = initial.length ? [{ offset: 0, length: existing?.length ?? 0, content: text }] : edits;
  return { edits: out, text, entryOffset: last?.offset ?? 0 };
}

/**
 * A kebab-case id for a new term (`Grade 3 Neuropathy` → `grade-3-neuropathy`): the schema's
 * pattern, accents and punctuation dropped.
 */
export function idForTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'new-term';
}

/** The entry a team starts from for a term the knowledge base does not know: to be completed in the file. */
export function newTermEntry(term: string, today: string): Entry {
  const name = term.trim().replace(/\s+/g, ' ');
  const abbreviation = /^[A-Z][A-Z0-9]{1,5}$/.test(name);
  return {
    id: idForTerm(name),
    kind: 'condition',
    name,
    ...(abbreviation ? { abbreviations: [name] } : {}),
    definition: `TODO: what ${name} means, in plain words (grade 8 or below).`,
    review: { status: 'unreviewed', reviewedOn: today, reviewedBy: 'MedTerms writer' },
  };
}
