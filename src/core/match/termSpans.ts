import termSpans from '../../../data/manual/term-spans.json';
import { tokenKey } from './normalize';

/**
 * How far a recognised term's span reaches beyond the words of one knowledge-base form, as data
 * (`data/manual/term-spans.json`). The annotation guidelines the product follows ask for the
 * longest lexicalised term and make a coordinated ellipsis one mention:
 * - **coordination**: "bone or joint pain" (bone pain, joint pain: a shared head) and "joint pain
 *   or swelling" (joint pain, joint swelling: a shared first part) are one span, when both
 *   terms they stand for are terms of the knowledge base; the term scan (`TermIndex.scan`) checks
 *   that with a few look-ups, so it stays linear;
 * - **name prefixes**: an age group written before a term's name is part of the name
 *   ("childhood acute lymphoblastic leukemia", "neonatal lupus"); never before an abbreviation
 *   ("childhood ALL" is ALL) or a lay term.
 */
export interface TermSpanTable {
  /** Words joining two coordinated terms: "and", "or". */
  readonly coordinators: readonly string[];
  /** Words that, right before a term's name or synonym, belong to it: "childhood", "adult", … */
  readonly namePrefixes: readonly string[];
}

/** The bundled table. */
export const BUNDLED_TERM_SPANS = termSpans as unknown as TermSpanTable;

const COORDINATORS = new Set(BUNDLED_TERM_SPANS.coordinators.map(tokenKey));
const NAME_PREFIXES = new Set(BUNDLED_TERM_SPANS.namePrefixes.map(tokenKey));

/** Whether a word (its key) joins two coordinated terms: "or" in "bone or joint pain". */
export function coordinates(key: string): boolean {
  return COORDINATORS.has(key);
}

/** Whether a word (its key) written right before a term's name belongs to it: "childhood" in "childhood asthma". */
export function prefixesName(key: string): boolean {
  return NAME_PREFIXES.has(key);
}
