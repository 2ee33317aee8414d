/**
 * Surface-form normalisation: the one place that decides when two spellings are the same term.
 * The term index, the search and the tests all go through these functions.
 */

/** A word of text, as the tokenizer found it. */
export interface Token {
  /** Offset of the first character (UTF-16). */
  readonly start: number;
  /** Offset after the last character. */
  readonly end: number;
  /** The text exactly as written, e.g. `Sjögren's`. */
  readonly raw: string;
  /** The comparison key from {@link tokenKey}, e.g. `sjogren`. */
  readonly key: string;
}

// Letters and digits, with inner apostrophes ("Sjögren's", "Crohn’s") kept in the word.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const COMBINING_MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Folds case and diacritics: `Sjögren` → `sjogren`. Lowercasing happens after decomposition so
 * that precomposed and combining spellings of the same letter fold alike.
 */
export function foldCase(text: string): string {
  // Most words are plain ASCII, which has nothing to decompose: skip the costly normalisation.
  return NON_ASCII.test(text) ? text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase() : text.toLowerCase();
}

/**
 * The comparison key of one word: case and diacritics folded, a possessive dropped and a plural
 * reduced, so `Sjögren's` = `Sjogrens` = `sjogren` and `neuropathies` = `neuropathy`.
 * The plural rule is deliberately simple and, because it is applied to both the knowledge base
 * and the text, only has to be consistent, not linguistically right: `diabetes` → `diabete`
 * on both sides still matches. Words ending in -ss, -us, -is, -os are left alone
 * (`numbness`, `lupus`, `arthritis`). An abbreviation's plural (`UTIs`) loses its `s`.
 */
export function tokenKey(word: string): string {
  const bare = word.replace(/['’]s?$/, '');
  // The plural of an abbreviation is a lowercase "s" after capitals: "UTIs", "MRIs".
  if (/^\p{Lu}[\p{Lu}\d]+s$/u.test(bare)) return foldCase(bare.slice(0, -1));
  let w = foldCase(bare).replace(/['’]/g, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|os)$/.test(w)) w = w.slice(0, -1);
  return w;
}

// Prose repeats its words, so a scan remembers their keys: tokenizing a page becomes mostly
// Map look-ups instead of Unicode normalisation and regexes per word. Cleared when full, so a
// huge or hostile document cannot grow it without bound.
const keyCache = new Map<string, string>();
const KEY_CACHE_SIZE = 50_000;

function cachedTokenKey(raw: string): string {
  let key = keyCache.get(raw);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
    key = tokenKey(raw);
    keyCache.set(raw, key);
  }
  return key;
}

/**
 * Calls `visit` with each word of `text[from, to)` in order: its offsets and the text as
 * written. The one definition of a word; scans that want no objects per word use it directly.
 */
export function forEachWord(text: string, from: number, to: number, visit: (start: number, end: number, raw: string) => void): void {
  // The search runs over the range alone: over the whole text, a range without a word would be
  // searched on to the next word after it, so a document of many wordless spans (a line of
  // `.` in backticks) cost the square of its length.
  const range = from === 0 && to === text.length ? text : text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(range); m !== null; m = WORD.exec(range)) visit(from + m.index, from + m.index + m[0].length, m[0]);
}

/**
 * Whether `text[from, to)` may stand between two words of one term: only spaces and tabs, one
 * line break or one hyphen among them — "carpal tunnel", "carpal-tunnel", "carpal\ntunnel", not
 * "carpal, tunnel". Read once, left to right, without a slice: a regex such as
 * `^[ \t]*(?:\r?\n|-)?[ \t]*$` backtracks over a long run of spaces that ends in a comma, so a
 * line of 60 KB of spaces between two words of a term took seconds.
 */
export function joinedWords(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  if (i < to) {
    const c = text.charCodeAt(i);
    if (c === 13 && i + 1 < to && text.charCodeAt(i + 1) === 10) i += 2;
    else if (c === 10 || c === 0x2d || c === 0x2010 || c === 0x2011) i += 1;
    else return false;
  }
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  return i === to;
}

const isBlank = (c: number) => c === 32 || c === 9;

/** Splits text into words with their offsets and keys. Punctuation and spaces are not words. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  forEachWord(text, from, to, (start, end, raw) => tokens.push({ start, end, raw, key: cachedTokenKey(raw) }));
  return tokens;
}

/** The key of each word of a term, in order: `Sjögren's syndrome` → `['sjogren', 'syndrome']`. */
export function wordKeys(term: string): string[] {
  return (term.match(WORD) ?? []).map(cachedTokenKey);
}

/** The keys of a whole term, joined by single spaces: `Peripheral Neuropathies` → `peripheral neuropathy`. */
export function termKey(term: string): string {
  return wordKeys(term).join(' ');
}

/**
 * Search form of a query or a term: folded, apostrophes dropped, every run of other
 * punctuation or space made one space. Unlike {@link termKey} it keeps word endings, because
 * a writer typing `neuropath` wants the prefix of `neuropathy`, not a stem.
 */
export function searchForm(text: string): string {
  return foldCase(text).replace(/['’]/g, '').replace(/[^\p{L}\p{N}.]+/gu, ' ').trim();
}

/** Two wordings with the same key are the same term to a reader: `Lupus` = `lupus`, `Sjogren's` = `Sjögren's`. */
export function formKey(text: string): string {
  return termKey(text) || foldCase(text.trim());
}

/**
 * Whether `form` is only the first words of one of `names` (`Crohn's` of `Crohn's disease`,
 * `Guillain-Barré` of `Guillain-Barré syndrome`): how writers shorten a name once it is known,
 * which tells a reader nothing the name does not.
 */
export function shortensName(form: string, names: readonly string[]): boolean {
  const key = formKey(form);
  return names.some((name) => formKey(name).startsWith(`${key} `));
}
