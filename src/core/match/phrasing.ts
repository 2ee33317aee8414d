import phrasingTable from '../../../data/manual/phrasing.json';
import { joinedWords, wordKeys } from './normalize';

/**
 * How patients describe a symptom in ordinary words — "trouble walking", "loss of reflexes",
 * "sensitivity to light", "feeling very tired", "balance problems" — as data
 * (`data/manual/phrasing.json`, described in `data/manual/README.md`): frames of a few words
 * before or after a body function or a state, and for each function the entry each kind of frame
 * leads to. One productive pattern instead of a lay term per phrase.
 */
export interface PhrasingTable {
  /** Frames, each with the sense it gives the function: "difficulty", "loss", "feeling", … */
  readonly frames: readonly PhrasingFrame[];
  /** Words that may stand between a frame and its function: "very" (tired), "their" (balance). */
  readonly between: readonly string[];
  /** Words that join a second function to the first: "trouble walking or talking". */
  readonly and: readonly string[];
  /** Body functions and states, each with the entry id per sense it leads to. */
  readonly functions: readonly PhrasingFunction[];
}

/** A frame of {@link PhrasingTable}: its sense, and the words written before or after the function. */
export interface PhrasingFrame {
  readonly sense: string;
  /** A sense the function's target is taken from when it names none for this one ("can't walk" as "trouble walking"). */
  readonly fallback?: string;
  readonly before?: readonly string[];
  readonly after?: readonly string[];
  /** The words that may stand after this frame, instead of the table's {@link PhrasingTable.between}: "feeling very tired", not "feeling the full force". */
  readonly between?: readonly string[];
}

/**
 * A function of {@link PhrasingTable}: its forms (words as written: "walking", "walk"), and for
 * each sense the entry id it leads to; `null` turns a fallback off ("can't eat" is seldom a symptom).
 */
export interface PhrasingFunction {
  readonly forms: readonly string[];
  readonly [sense: string]: string | null | readonly string[];
}

/** The bundled table, `data/manual/phrasing.json`. */
export const BUNDLED_PHRASING = phrasingTable as unknown as PhrasingTable;

/** At most this many {@link PhrasingTable.between} words in a row: "feeling so very tired". */
const MAX_BETWEEN = 2;

/** A node of a word trie: the next words, and what the words so far are, if anything. */
interface TrieNode<T> {
  readonly next: Map<string, TrieNode<T>>;
  value: T | undefined;
}

/** Sense → entry id, for one form of a function. */
type Targets = ReadonlyMap<string, string>;

/**
 * The compiled {@link PhrasingTable}: word tries of frames and functions, so that a match starting
 * at a word costs a few look-ups bounded by the longest phrase of the table, whatever the text —
 * no regex, no backtracking over the input. Used by the term index at each word of a scan.
 */
export class PhraseMatcher {
  readonly #before = newNode<string[]>();
  readonly #after = newNode<string[]>();
  readonly #functions = newNode<Map<string, string>>();
  readonly #between: ReadonlySet<string>;
  /** Senses whose frame has words of its own that may follow it (see {@link PhrasingFrame.between}). */
  readonly #betweenOf = new Map<string, ReadonlySet<string>>();
  readonly #and: ReadonlySet<string>;
  /** Where the last match of {@link matchAt} ended: the index of its last word. */
  last = 0;

  /**
   * @param table the frames and functions.
   * @param knows whether an entry id is in the knowledge base: a target it does not know is left
   *   out, so a phrase never leads to a missing card (the bundled table's targets are checked by a unit test).
   */
  constructor(table: PhrasingTable, knows: (entryId: string) => boolean = () => true) {
    for (const frame of table.frames) {
      for (const phrase of frame.before ?? []) addTo(this.#before, wordKeys(phrase), () => [], (senses) => senses.push(frame.sense));
      for (const phrase of frame.after ?? []) addTo(this.#after, wordKeys(phrase), () => [], (senses) => senses.push(frame.sense));
    }
    const fallbacks = new Map(table.frames.map((f) => [f.sense, f.fallback]));
    const senses = [...fallbacks.keys()];
    for (const fn of table.functions) {
      const targets = new Map<string, string>();
      for (const sense of senses) {
        const id = targetFor(fn, sense, fallbacks);
        if (id && knows(id)) targets.set(sense, id);
      }
      if (targets.size === 0) continue;
      for (const form of fn.forms) addTo(this.#functions, wordKeys(form), () => new Map(), (all) => targets.forEach((id, sense) => all.has(sense) || all.set(sense, id)));
    }
    this.#between = new Set(table.between.flatMap(wordKeys));
    for (const frame of table.frames) if (frame.between) this.#betweenOf.set(frame.sense, new Set(frame.between.flatMap(wordKeys)));
    this.#and = new Set(table.and.flatMap(wordKeys));
  }

  /** Every entry id the table leads to, with the function form and sense: for checks of the table. */
  static targets(table: PhrasingTable): { form: string; sense: string; entryId: string }[] {
    const found: { form: string; sense: string; entryId: string }[] = [];
    for (const fn of table.functions) {
      for (const [sense, id] of Object.entries(fn)) if (sense !== 'forms' && typeof id === 'string') found.push({ form: fn.forms[0], sense, entryId: id });
    }
    return found;
  }

  /** Whether a phrase may start with the word of this key (a frame's or a function's first word): most words cannot. */
  canStart(key: string): boolean {
    return this.#before.next.has(key) || this.#functions.next.has(key);
  }

  /**
   * The entry of the longest phrase that starts at word `i` of `count` words (their keys, and
   * their offsets in `text`, which decide whether two words are joined), with its last word in
   * {@link last}; `undefined` when none starts there. A frame or a function alone is never a
   * phrase: "trouble", "problems with the car" and "walking" are not terms.
   */
  matchAt(text: string, keys: readonly ScannedWord[], starts: readonly number[], ends: readonly number[], i: number, count: number): string | undefined {
    const first = keys[i].key;
    const before = this.#before.next.get(first);
    const fn = this.#functions.next.get(first);
    if (!before && !fn) return undefined;
    const words = { text, keys, starts, ends, count };
    let best: string | undefined;
    let bestLast = -1;
    // A frame, then the function: "trouble walking", "loss of reflexes", "feeling very tired".
    if (before) {
      for (const [frameLast, senses] of this.#ends(this.#before, words, i, false)) {
        let k = frameLast + 1;
        for (let skipped = 0; k < count && joinedAt(words, k); k++, skipped++) {
          const found = this.#functionAt(words, k, senses);
          if (found && found.last > bestLast) {
            best = found.entryId;
            bestLast = found.last;
          }
          if (skipped === MAX_BETWEEN || !this.#mayFollow(senses, keys[k].key)) break;
        }
      }
    }
    // The function, then the frame: "balance problems", "sleeping too much".
    if (fn) {
      for (const [fnLast, targets] of this.#ends(this.#functions, words, i, true)) {
        if (fnLast + 1 >= count || !joinedAt(words, fnLast + 1)) continue;
        for (const [frameLast, senses] of this.#ends(this.#after, words, fnLast + 1, false)) {
          const entryId = firstTarget(targets, senses);
          if (entryId && frameLast > bestLast) {
            best = entryId;
            bestLast = frameLast;
          }
        }
      }
    }
    if (best !== undefined) this.last = bestLast;
    return best;
  }

  /** Whether a word may stand between a frame of these senses and its function. */
  #mayFollow(senses: readonly string[], key: string): boolean {
    return senses.some((sense) => (this.#betweenOf.get(sense) ?? this.#between).has(key));
  }

  /**
   * The longest function at word `k` that leads somewhere in one of `senses`, extended over a
   * second function joined by "and"/"or" that does too: "trouble walking or talking" is one
   * mention, of the first function's entry — unless a frame follows the second ("loss of
   * appetite and hearing problems" is two) or the second is a term by itself ("feeling hungry
   * or tired": "tired" is fatigue's own mention).
   */
  #functionAt(words: Words, k: number, senses: readonly string[]): { last: number; entryId: string } | undefined {
    for (const [fnLast, targets] of this.#ends(this.#functions, words, k, true)) {
      const entryId = firstTarget(targets, senses);
      if (!entryId) continue;
      let last = fnLast;
      const and = fnLast + 1;
      if (and + 1 < words.count && this.#and.has(words.keys[and].key) && joinedAt(words, and) && joinedAt(words, and + 1)) {
        for (const [otherLast, others] of this.#ends(this.#functions, words, and + 1, true)) {
          // "loss of appetite and hearing problems": the second function starts a phrase of its
          // own; "feeling hungry or tired": it is a term of its own, with its own mention.
          const framed = otherLast + 1 < words.count && joinedAt(words, otherLast + 1) && this.#after.next.has(words.keys[otherLast + 1].key);
          if (firstTarget(others, senses) && !framed && words.keys[and + 1].targets === undefined) {
            last = otherLast;
            break;
          }
        }
      }
      return { last, entryId };
    }
    return undefined;
  }

  /**
   * The phrases of `trie` that start at word `i`, longest first, as [last word, value]. With
   * `skipInside`, one {@link between} word may stand inside a phrase: "catch their breath".
   */
  #ends<T>(trie: TrieNode<T>, words: Words, i: number, skipInside: boolean): [number, T][] {
    const found: [number, T][] = [];
    let node = trie.next.get(words.keys[i].key);
    let skipped = false;
    for (let j = i; node; ) {
      if (node.value !== undefined) found.push([j, node.value]);
      if (j + 1 >= words.count || !joinedAt(words, j + 1)) break;
      const key = words.keys[j + 1].key;
      const next = node.next.get(key);
      if (next) {
        node = next;
        j += 1;
      } else if (skipInside && !skipped && node.next.size > 0 && this.#between.has(key) && j + 2 < words.count && joinedAt(words, j + 2) && node.next.has(words.keys[j + 2].key)) {
        node = node.next.get(words.keys[j + 2].key);
        skipped = true;
        j += 2;
      } else break;
    }
    return found.reverse();
  }
}

/** A word of a scan: its key, and what it is alone as a term (`undefined` when none). */
export interface ScannedWord {
  readonly key: string;
  readonly targets: unknown;
}

/** The words of a scan, as {@link PhraseMatcher.matchAt} reads them. */
interface Words {
  readonly text: string;
  readonly keys: readonly ScannedWord[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly count: number;
}

/** Whether word `j` follows word `j - 1` within one phrase (see `joinedWords`). */
const joinedAt = (words: Words, j: number) => joinedWords(words.text, words.ends[j - 1], words.starts[j]);

/** The entry of the first of `senses` the function leads to in. */
function firstTarget(targets: Targets, senses: readonly string[]): string | undefined {
  for (const sense of senses) {
    const id = targets.get(sense);
    if (id) return id;
  }
  return undefined;
}

/** The entry a function leads to in a sense: its own, `null` for none, or its fallback sense's. */
function targetFor(fn: PhrasingFunction, sense: string, fallbacks: ReadonlyMap<string, string | undefined>, depth = 0): string | undefined {
  const own = fn[sense];
  if (typeof own === 'string') return own;
  if (own === null || depth > fallbacks.size) return undefined;
  const fallback = fallbacks.get(sense);
  return fallback ? targetFor(fn, fallback, fallbacks, depth + 1) : undefined;
}

function newNode<T>(): TrieNode<T> {
  return { next: new Map(), value: undefined };
}

/** Adds a phrase of word keys to a trie: `create` makes its value, `update` adds to it. */
function addTo<T>(trie: TrieNode<T>, keys: readonly string[], create: () => T, update: (value: T) => void): void {
  if (keys.length === 0) return;
  let node = trie;
  for (const key of keys) {
    let next = node.next.get(key);
    if (!next) node.next.set(key, (next = newNode<T>()));
    node = next;
  }
  node.value ??= create();
  update(node.value);
}

let bundled: PhraseMatcher | undefined;

/** The bundled table compiled once, trusting its targets (checked against the bundled knowledge base by a unit test). */
export function bundledPhrases(): PhraseMatcher {
  return (bundled ??= new PhraseMatcher(BUNDLED_PHRASING));
}
