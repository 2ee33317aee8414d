import type { Entry } from './types';

/**
 * An entry's name as a writer writes it in running text and as lists and card titles show it:
 * the name with a lower-case first letter when it is a label in sentence case
 * ({@link Entry.sentenceCase}: `Paranoia` → `paranoia`, `Sleep disturbance` → `sleep
 * disturbance`), otherwise the name as it is — eponyms (`Parkinson's disease`), symbols and
 * abbreviations (`COVID-19`, `IgA nephropathy`) keep their capitals. Only the first letter
 * changes, and only for display: the knowledge base keeps the label verbatim (HPO's licence).
 * A sentence start is the caller's business (`casedAt`).
 */
export function writtenName(entry: Pick<Entry, 'name' | 'sentenceCase'>): string {
  const { name } = entry;
  return entry.sentenceCase ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/**
 * A lay term as running text writes it. HPO writes its lay synonyms in sentence case (`Teeth
 * grinding`), so a capitalised common first word is lower-cased (`teeth grinding`); a first word
 * that is a name keeps its capital: a possessive or hyphenated one (`Cushing's`, `Niemann-Pick`)
 * or the word the entry's own name starts with, capitalised (`Lyme` of `Lyme disease`).
 */
export function writtenLayTerm(layTerm: string, entryName: string): string {
  const first = /^[\p{L}'’-]+/u.exec(layTerm)?.[0] ?? '';
  if (!/^\p{Lu}\p{Ll}+$/u.test(first) || entryName.startsWith(first)) return layTerm;
  return first[0].toLowerCase() + layTerm.slice(1);
}
