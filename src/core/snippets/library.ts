import type { Problem } from '../kb/load';
import { PastedSnippetFinder } from './nearMatch';
import { parseSnippet, type Snippet, type SnippetSource } from './snippet';

/**
 * Every snippet of every layer, by id and version. A layer may keep earlier versions of a
 * snippet (as files of their own), so articles carrying them can still be checked word for
 * word; the highest version of an id is its current one. A later layer's file for the same id
 * and version replaces an earlier layer's, so a team can correct a bundled snippet.
 */
export class SnippetLibrary {
  /** Every problem met while loading, with file and line. */
  readonly problems: readonly Problem[];
  readonly #versions = new Map<string, Map<number, Snippet>>();
  #current: readonly Snippet[] | undefined;
  #pasted: PastedSnippetFinder | undefined;
  #byTerm: Map<string, Snippet[]> | undefined;

  /**
   * Loads snippet files, layer by layer (earliest first). A file that cannot be read as a
   * snippet is reported and left out; the others load. Never throws.
   * @param knownTerm whether an entry id exists; a `terms` id that does not is reported (the snippet still loads).
   */
  constructor(layers: readonly (readonly SnippetSource[])[], knownTerm: (id: string) => boolean = () => true) {
    const problems: Problem[] = [];
    for (const layer of layers) {
      const inLayer = new Map<string, string>();
      for (const source of layer) {
        const parsed = parseSnippet(source);
        problems.push(...parsed.problems);
        const snippet = parsed.snippet;
        if (!snippet) continue;
        const key = `${snippet.id} v${snippet.version}`;
        const earlier = inLayer.get(key);
        if (earlier) {
          problems.push({ file: source.file, line: 1, severity: 'error', message: `repeats ${key} of ${earlier}; this file was not loaded.` });
          continue;
        }
        inLayer.set(key, source.file);
        for (const id of snippet.terms.filter((t) => !knownTerm(t))) {
          problems.push({ file: source.file, line: 1, severity: 'warning', message: `terms names "${id}", which is not an entry of the knowledge base.` });
        }
        let versions = this.#versions.get(snippet.id);
        if (!versions) this.#versions.set(snippet.id, (versions = new Map()));
        versions.set(snippet.version, snippet);
      }
    }
    this.problems = problems;
  }

  /** The current (highest) version of each snippet, retired ones included, sorted by title. */
  get all(): readonly Snippet[] {
    return (this.#current ??= [...this.#versions.keys()].map((id) => this.get(id)!).sort(byTitle));
  }

  /** Finds the current snippets' text pasted without markers (built on first use). */
  get pasted(): PastedSnippetFinder {
    return (this.#pasted ??= new PastedSnippetFinder(this.all));
  }

  /** The current snippets about an entry (its id in their `terms`), retired ones left out. */
  about(entryId: string): readonly Snippet[] {
    if (!this.#byTerm) {
      this.#byTerm = new Map();
      for (const snippet of this.all) {
        if (snippet.status === 'retired') continue;
        for (const id of snippet.terms) this.#byTerm.set(id, [...(this.#byTerm.get(id) ?? []), snippet]);
      }
    }
    return this.#byTerm.get(entryId) ?? [];
  }

  /** The current version of a snippet, or `undefined` for an unknown id. */
  get(id: string): Snippet | undefined {
    const versions = this.#versions.get(id);
    if (!versions) return undefined;
    return versions.get(Math.max(...versions.keys()));
  }

  /** One version of a snippet, if the library still has it. */
  version(id: string, version: number): Snippet | undefined {
    return this.#versions.get(id)?.get(version);
  }
}

/**
 * Orders snippets by title, case aside. Plain code-unit order: `localeCompare` would load the
 * locale's collation tables on first use, which costs more than loading the snippets.
 */
export function byTitle(a: Snippet, b: Snippet): number {
  const x = a.title.toLowerCase();
  const y = b.title.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
