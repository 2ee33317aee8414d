import { tokenKey } from '../match/normalize';

/**
 * Plurals that the {@link tokenKey} rule cannot reduce, of words patients use of their bodies.
 * Declared first: the light-word list below is stemmed as the module loads.
 */
const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['feet', 'foot'],
  ['teeth', 'tooth'],
  ['children', 'child'],
  ['women', 'woman'],
  ['men', 'man'],
]);

/**
 * Words that never start a medical term in English prose — articles, prepositions,
 * conjunctions, pronouns, auxiliaries and the like. Completion never starts a replacement at one
 * (`with rhuem` replaces `rhuem` only); a description typed into look-up is matched on its other
 * words (`thoughts of death` → `thought`, `death`). In search form (lower case, no apostrophes).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the this that these those my your his her its our their some any each every no all both either neither ' +
    'of in on at by for with without from to into onto upon about above below over under after before during ' +
    'since until than as like near off out up down through across between among around along against behind ' +
    'beside besides beyond inside outside within toward towards via per and or but nor so yet if then because ' +
    'while when where whether which who whom whose what how why although though unless once also too very just ' +
    'only even still not is are was were be been being am do does did done have has had having can could may ' +
    'might must shall should will would i me we us you he him she it they them one ones there here more most ' +
    'less least much many few such own same other another'
  ).split(' '),
);

/**
 * Function words that turn a description into its opposite: `not hungry` is not `always hungry`.
 * They weigh {@link NEGATION_WEIGHT} when a description is matched word by word.
 */
const NEGATIONS: ReadonlySet<string> = new Set(['no', 'not', 'without', 'never', 'cant', 'cannot', 'unable']);

/**
 * Stems ({@link searchStem}) of everyday words that frame a description rather than name what it
 * describes — `feeling` very tired, `trouble` sleeping, `problems` with memory, `a lot of` pain,
 * `always` hungry — and of the generic heads of clinical names (`syndrome`, `disease`,
 * `disorder`). A description is matched mostly on its other words; these count a little, so
 * `trouble sleeping` still prefers the form that says `trouble`.
 */
const LIGHT_STEMS: ReadonlySet<string> = new Set(
  (
    'feel feeling felt trouble problem difficulty difficult issue hard get getting got lot really extremely extreme ' +
    'bad badly always often sometimes constant constantly frequent frequently usual usually kind sort thing ' +
    'something keep kept start stop begin began seem time times ' +
    'person people patient symptom sign disease disorder syndrome condition abnormality test'
  )
    .split(' ')
    .map(searchStem),
);

/** How much a light word ({@link LIGHT_STEMS}) counts in a description, against 1 for a content word. */
export const LIGHT_WEIGHT = 0.25;
/**
 * How much a negation counts: enough that `hungry` prefers `always hungry` to `not hungry`, not
 * so much that `can't stop coughing` no longer finds `cough` for want of a form saying `can't`.
 */
const NEGATION_WEIGHT = 0.5;

/**
 * How much one word (in search form, as typed: `feeling`, `of`) counts when a description is
 * matched word by word: 0 for a function word, {@link NEGATION_WEIGHT} for a negation,
 * {@link LIGHT_WEIGHT} for a light word, 1 for any other word.
 */
export function wordWeight(word: string): number {
  if (NEGATIONS.has(word)) return NEGATION_WEIGHT;
  if (FUNCTION_WORDS.has(word)) return 0;
  return LIGHT_STEMS.has(searchStem(word)) ? LIGHT_WEIGHT : 1;
}

/**
 * The stem under which look-up compares whole words: the {@link tokenKey} (plural and
 * possessive dropped: `sensations` → `sensation`; `feet` → `foot`) less an `-ing` or `-ed` ending and a final
 * `e` (`sleeping` → `sleep`, `tingling` = `tingle` → `tingl`, `slurred` → `slur`). Crude on
 * purpose: it is applied to the query and the knowledge base alike, so it only has to be
 * consistent. Words of three letters or fewer are left as they are (`red`, `bed`).
 */
export function searchStem(word: string): string {
  let w = tokenKey(word);
  w = IRREGULAR_PLURALS.get(w) ?? w;
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** `runn` → `run`, `slurr` → `slur`: a doubled final consonant left by a dropped ending. */
function undouble(w: string): string {
  const last = w[w.length - 1];
  return w.length > 3 && last === w[w.length - 2] && !'aeiouls'.includes(last) ? w.slice(0, -1) : w;
}

/**
 * The same word, give or take one slip (a letter wrong, missing, extra or two swapped) or an
 * ending (`blurry` ~ `blurred`, `suicide` ~ `suicidal`: four letters or more in common at the
 * start, at least two thirds of the shorter word). Words shorter than four letters must be equal.
 */
export function sameWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (typed.length < 4) return false;
  if (sharesStart(typed, word)) return true;
  return Math.abs(typed.length - word.length) <= 1 && oneSlipApart(typed, word);
}

/** Four letters or more in common at the start, at least two thirds of the shorter word. */
export function sharesStart(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= 4 && common * 3 >= Math.min(a.length, b.length) * 2;
}

/** Damerau-Levenshtein distance at most 1, in one pass. */
function oneSlipApart(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter wrong
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // two swapped
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
