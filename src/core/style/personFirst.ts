import personFirstPatterns from '../../../data/style/person-first.json';
import { casedAt, type Span } from '../text';
import { UNITS_PER_PAUSE, type Sliced } from '../slices';
import type { StyleFinding } from './style';
import { spanWords, WordingMatcher, type SpanWords, type WordingMatch } from './wordings';

/** Wording about people that the `person-first` rule flags (see `data/schema/person-first.schema.json`). */
export interface PersonFirstPattern {
  /** The wording, lower case: `diabetics`, `suffers from`. */
  readonly text: string;
  /** The rewrite: `people with diabetes`. */
  readonly suggest: string;
  /** Why, for the writer. */
  readonly reason: string;
  /** false: the rewrite needs the writer's judgement, so no quick fix. */
  readonly fix?: boolean;
  /** Flagged only where the wording names a person (`a diabetic.`), not before a noun (`a diabetic diet`). */
  readonly noun?: boolean;
  readonly source?: string;
}

/** A file of person-first patterns, as `data/style/person-first.json` is written. */
export interface PersonFirstFile {
  readonly patterns: readonly PersonFirstPattern[];
}

// Words that follow a noun and not an adjective, so that `a diabetic who` or `an epileptic
// may` names a person while `a diabetic diet` does not: verbs a sentence goes on with,
// conjunctions, prepositions.
const AFTER_A_NOUN = new Set(
  'who whose is was has had does did should must may might can could will would needs need and or but with in at on for to of from like takes took uses used gets got lives living feels felt'.split(' '),
);

/** A list of person-first patterns, ready to find in prose. */
export class PersonFirstWording {
  readonly patterns: readonly PersonFirstPattern[];
  readonly #matcher: WordingMatcher<PersonFirstPattern>;

  constructor(file: PersonFirstFile) {
    this.patterns = file.patterns;
    this.#matcher = new WordingMatcher(file.patterns, (p) => p.text);
  }

  /** The pattern that starts at word `i` of a span, where it is used as the pattern says. */
  at(text: string, words: SpanWords, i: number): WordingMatch<PersonFirstPattern> | undefined {
    return this.#matcher.longestAt(text, words, i, (match) => !match.item.noun || namesAPerson(text, words, match.last));
  }
}

/** Whether the wording ending at word `last` stands as a noun: nothing follows in its phrase, or a word that follows nouns. */
function namesAPerson(text: string, words: SpanWords, last: number): boolean {
  const next = last + 1;
  if (next >= words.starts.length) return true;
  const between = text.slice(words.ends[last], words.starts[next]);
  return between.trim() !== '' || AFTER_A_NOUN.has(words.folded[next]);
}

let bundled: PersonFirstWording | undefined;

/** The patterns MedTerms ships (`data/style/person-first.json`), built on first use. */
export function bundledPersonFirst(): PersonFirstWording {
  return (bundled ??= new PersonFirstWording(personFirstPatterns as PersonFirstFile));
}

/**
 * `person-first` findings: wording that names people by a condition or casts them as victims
 * (`diabetics`, `suffers from`, `wheelchair-bound`, `committed suicide`), each with its rewrite
 * and reason, and a quick fix where the rewrite fits in its place (`diabetics` → `people with
 * diabetes`, capitalised at a sentence start). Only prose is read (never code or URLs). Linear
 * in the prose; pauses every {@link UNITS_PER_PAUSE} words.
 */
export function* personFirstFindingsSliced(text: string, prose: readonly Span[], list: PersonFirstWording = bundledPersonFirst()): Sliced<StyleFinding[]> {
  const findings: StyleFinding[] = [];
  let done = 0;
  for (const span of prose) {
    const words = spanWords(text, span);
    for (let i = 0; i < words.starts.length; i++) {
      if (++done % UNITS_PER_PAUSE === 0) yield;
      if (text[words.starts[i] - 1] === '#') continue;
      const match = list.at(text, words, i);
      if (!match) continue;
      findings.push(personFirstFinding(text, { start: words.starts[match.first], end: words.ends[match.last] }, match.item));
      i = match.last;
    }
  }
  return findings;
}

function personFirstFinding(text: string, at: Span, pattern: PersonFirstPattern): StyleFinding {
  const written = text.slice(at.start, at.end).replace(/\s+/g, ' ');
  const rewrite = casedAt(pattern.suggest, text, at.start, written);
  return {
    rule: 'person-first',
    ...at,
    message: `“${written}”: consider “${pattern.suggest}”. ${pattern.reason}`,
    fixes: pattern.fix === false ? [] : [{ title: `Replace with “${rewrite}”`, ...at, replacement: rewrite }],
  };
}
