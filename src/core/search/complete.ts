import { searchForm, shortensName } from '../match/normalize';
import { writtenLayTerm } from '../kb/writtenName';
import { casedAt } from '../text';
import type { SearchResult, TermSearch } from './search';
import { FUNCTION_WORDS, sameWord } from './words';

/** One completion: a search result, and the text that replaces the typed words. */
export interface Completion extends SearchResult {
  /**
   * What replaces the typed words, as it should stand there (capitalised at the start of a
   * sentence): the lay term they match, spelt right, when the writer was typing one (`pins and
   * nee` → pins and needles: readers' own words are what plain writing wants, and the entry's
   * name would be jargon there); otherwise the entry's name as a writer writes it (`writtenName`).
   */
  readonly text: string;
}

/** What completion offers at the end of a text: the entries, best first, and what they replace. */
export interface CompletionAnswer {
  /** UTF-16 offset into the text where the replaced words begin; they run to its end. */
  readonly replaceStart: number;
  /** The words replaced: the query the entries were searched for. */
  readonly query: string;
  readonly items: readonly Completion[];
}

/** Search results per keystroke: enough to choose from, few enough to read. */
export const MAX_COMPLETIONS = 20;
/** A term is at most this many words; a longer run of typed words is not one term. */
const MAX_TERM_WORDS = 4;
/** How far back a term may start: longer than any surface form, and a bound on the work per keystroke. */
const LOOK_BACK = 120;
/**
 * A phrase of several words starts a term only if its best match is at least this good (Fuse
 * score; 0 is exact). `carpel tun` → carpal tunnel: 0.24; `blurry vis` → blurred vision: 0.36;
 * prose such as `feel numb` finds nothing better than 0.5.
 */
const PHRASE_SCORE = 0.4;
// The words typed before the cursor, joined by spaces or hyphens (a comma or other
// punctuation ends the run: a term does not span it).
const TYPED_WORDS = /(?:[\p{L}\p{N}'’]+[ \t-]+)*[\p{L}\p{N}'’]+$/u;
const WORD_GAP = /[ \t-]+/g;

/**
 * What completion offers at the end of `before` (the text before the cursor, typically its
 * line): the entries of the knowledge base for the words that belong to the term being typed,
 * in exactly the order `TermSearch.search` ranks them for those words, all replacing the same
 * range — so the editor, the CLI's `complete` and its `search` agree.
 *
 * The term's words are the longest run of up to four typed words that reads as part of a term:
 * it does not begin with a function word, its best match is good (score at most 0.4), and its
 * words are words of that match in the same order, give or take a slip or an ending, the last
 * perhaps half typed (`carpel tun` →
 * carpal tunnel syndrome, `pins and nee` → pins and needles, a lay term of paresthesia, `heart
 * failur` → congestive heart failure, `blurry vis` → blurred vision). Otherwise the
 * last word alone is the query (`Some people with rhuem` → `rhuem`). Nothing is offered when
 * that word is a function word or shorter than two letters, or inside inline code being typed.
 * Reads the words of the last 120 characters only, so a long line costs what a short one does,
 * but for one count of the backticks on the line (linear in it); the query is searched for by its
 * first `MAX_QUERY_LENGTH` (200) characters at most (see `TermSearch.search`).
 */
export function completeAt(search: TermSearch, before: string, limit = MAX_COMPLETIONS): CompletionAnswer | undefined {
  const from = Math.max(0, before.length - LOOK_BACK);
  const tail = before.slice(from);
  if (insideInlineCode(before)) return undefined;
  const typed = TYPED_WORDS.exec(tail);
  if (!typed) return undefined;
  const starts = [typed.index, ...[...typed[0].matchAll(WORD_GAP)].map((m) => typed.index + m.index + m[0].length)].slice(-MAX_TERM_WORDS);
  for (const start of starts) {
    const query = tail.slice(start);
    const words = searchForm(query).split(' ');
    const single = start === starts[starts.length - 1];
    if (FUNCTION_WORDS.has(words[0]) || words.join('').length < 2) continue;
    const results = search.search(query, limit);
    if (results.length === 0) continue;
    if (!single && !startsTerm(words, results[0])) continue;
    const replaceStart = from + start;
    const items = results.map((r) => ({ ...r, text: casedAt(wordingFor(r), before, replaceStart, query) }));
    return { replaceStart, query, items };
  }
  return undefined;
}

/**
 * The wording a completion inserts: the lay term matched (as running text writes it), unless it
 * only shortens the name (`Crohn's`: the name is then the better wording); otherwise the name.
 */
function wordingFor(result: SearchResult): string {
  return result.matchedField === 'layTerm' && !shortensName(result.matched, [result.name]) ? writtenLayTerm(result.matched, result.name) : result.writtenName;
}

/**
 * Whether a typed phrase reads as part of the matched term: a good match, whose words include,
 * in the order typed, each word typed in full (all but the last) other than a function word,
 * give or take a slip or an ending, and then a word that the last, perhaps half-typed word
 * starts or nearly is. So `people with rhuem` is not a term, whatever it matches, and neither
 * is `headaches and migrane`, though look-up by description finds `migraine headache` for it:
 * that is two terms typed one after the other.
 */
function startsTerm(typedWords: readonly string[], best: SearchResult): boolean {
  if (best.score > PHRASE_SCORE) return false;
  const termWords = searchForm(best.matched).split(' ');
  let at = 0;
  const next = (matches: (word: string) => boolean): boolean => {
    while (at < termWords.length && !matches(termWords[at])) at++;
    return at++ < termWords.length;
  };
  const full = typedWords.slice(0, -1).filter((typed) => !FUNCTION_WORDS.has(typed));
  const last = typedWords[typedWords.length - 1];
  return full.every((typed) => next((word) => sameWord(typed, word))) && next((word) => word.startsWith(last) || sameWord(last, word));
}

/** Whether the text ends inside an inline code span still being typed (an odd number of backticks on its line). */
function insideInlineCode(before: string): boolean {
  let ticks = 0;
  for (let i = before.lastIndexOf('\n') + 1; i < before.length; i++) if (before.charCodeAt(i) === 96) ticks++;
  return ticks % 2 === 1;
}
