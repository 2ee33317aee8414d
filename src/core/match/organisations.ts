import organisationTable from '../../../data/manual/organisation-names.json';
import { tokenKey } from './normalize';

/**
 * Proper names of organisations and programmes — "National Institute of Diabetes and Digestive
 * and Kidney Diseases", "Arthritis Foundation", "International Headache Society", "Centers for
 * Disease Control and Prevention" — are not terms, even when they hold a disease word (the
 * annotation guidelines the product follows). A name is a run of capitalised words around a
 * **head** ("Institute", "Foundation", "Society", … in `data/manual/organisation-names.json`):
 * the capitalised words before it, joined by spaces, commas or `&` and the words `inside` it
 * ("National Heart, Lung, and Blood Institute"), and when an `after` word follows the head, the
 * capitalised words after ("… of Arthritis and Musculoskeletal and Skin Diseases"). The term scan
 * leaves the words of such a name out, so scan, hover and diagnostics agree.
 */
export interface OrganisationTable {
  /** Words that make a run of capitalised words a name: "Institute", "Foundation", … (plurals fold). */
  readonly heads: readonly string[];
  /** Lower-case words that may join capitalised words before the head: "and", "of". */
  readonly inside: readonly string[];
  /** Lower-case words that, right after the head, continue the name: "of", "for", "on". */
  readonly after: readonly string[];
  /** Lower-case words that may join capitalised words once the name continues after its head: "and", "the". */
  readonly continuing: readonly string[];
}

/** The bundled table, `data/manual/organisation-names.json`. */
export const BUNDLED_ORGANISATIONS = organisationTable as unknown as OrganisationTable;

/** What a word as written can be in a name: bits of these. */
export const NameRole = {
  None: 0,
  Capitalised: 1,
  Head: 2,
  Inside: 4,
  After: 8,
  Continuing: 16,
} as const;
type NameRoleBit = (typeof NameRole)[keyof typeof NameRole];

/** A word of a scan as the matcher needs it: its {@link NameRole} bits. */
export interface NameWord {
  readonly nameRole: number;
}

/**
 * The compiled {@link OrganisationTable}. One pass over a span's words: each head looks back over
 * capitalised words no further than the end of the previous name, and forward once, so every
 * word is read a bounded number of times whatever the text.
 */
export class OrganisationNames {
  readonly #roles = new Map<string, number>();

  constructor(table: OrganisationTable = BUNDLED_ORGANISATIONS) {
    const mark = (words: readonly string[], role: NameRoleBit) => {
      for (const word of words) this.#roles.set(tokenKey(word), (this.#roles.get(tokenKey(word)) ?? 0) | role);
    };
    mark(table.heads, NameRole.Head);
    mark(table.inside, NameRole.Inside);
    mark(table.after, NameRole.After);
    mark(table.continuing, NameRole.Continuing);
  }

  /** The {@link NameRole} bits of a word as written (`raw`), whose key is `key`. */
  roleOf(raw: string, key: string): number {
    const role: number = this.#roles.get(key) ?? NameRole.None;
    const capitalised: number = CAPITAL.test(raw) ? NameRole.Capitalised : NameRole.None;
    // A head counts only capitalised: "the institute" or "a support network" is no name.
    return capitalised | (capitalised ? role : role & ~NameRole.Head);
  }

  /**
   * The names among `count` words read from `text` (offsets in `starts`/`ends`), as pairs of
   * word indexes `[first, last]` pushed onto `names` in order, not overlapping. A name has at
   * least two words: a head alone ("Program costs…") is no name.
   */
  find(text: string, words: readonly NameWord[], starts: readonly number[], ends: readonly number[], count: number, names: number[]): void {
    names.length = 0;
    const role = (j: number) => words[j].nameRole;
    const joined = (j: number) => nameGap(text, ends[j - 1], starts[j]); // word j joined to word j - 1
    let previousLast = -1;
    for (let h = 0; h < count; h++) {
      if (!(role(h) & NameRole.Head)) continue;
      let first = h;
      for (let k = h - 1; k > previousLast && joined(k + 1); ) {
        if (role(k) & NameRole.Capitalised) first = k--;
        else if (role(k) & NameRole.Inside && k - 1 > previousLast && role(k - 1) & NameRole.Capitalised && joined(k)) first = (k -= 1);
        else break;
      }
      let last = h;
      if (h + 1 < count && role(h + 1) & NameRole.After && joined(h + 1)) {
        // "Institute of Arthritis and …", "Centers for Disease Control and Prevention": capitalised
        // words after, joined by continuing words ("and", "the") that lead to another capital.
        let k = h + 1;
        while (k < count && joined(k)) {
          if (role(k) & NameRole.Capitalised) last = k++;
          else if (role(k) & (NameRole.Continuing | NameRole.After)) k++;
          else break;
        }
      }
      if (first === h && last === h) continue;
      names.push(first, last);
      previousLast = last;
      h = last;
    }
  }
}

const CAPITAL = /^\p{Lu}/u;

/**
 * Whether `text[from, to)` may stand between two words of a name: spaces and tabs, with at most
 * one comma, `&`, hyphen or line break ("Heart, Lung, and Blood", "Research & Quality"). Read
 * once, left to right.
 */
function nameGap(text: string, from: number, to: number): boolean {
  let marks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if ((c === 0x2c || c === 0x26 || c === 0x2d || c === 10 || c === 13) && marks === 0) {
      marks = c === 13 && text.charCodeAt(i + 1) === 10 ? 0 : 1; // CRLF counts once, as its \n
      continue;
    }
    return false;
  }
  return true;
}
