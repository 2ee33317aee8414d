import { TermIndex, type TermIndexData } from '../match/termIndex';
import { TermSearch } from '../search/search';
import type { Entry, KbSource } from './types';
import type { LoadResult, Problem } from './load';

/** A loaded layer: a parsed file and the name its problems carry. */
export interface Layer extends LoadResult {
  readonly file: string;
  /** The layer's term index, prebuilt by `npm run build:kb` (the bundled layer has one). */
  readonly termIndex?: TermIndexData;
}

/**
 * The knowledge base the features use: layers merged (a later layer's entry replaces an
 * earlier one with the same id, so a team's own file can correct a bundled entry), with the
 * term index and the search built lazily, once, on first use — never per keystroke.
 */
export class KnowledgeBase {
  readonly entries: readonly Entry[];
  readonly sources: readonly KbSource[];
  /** Every problem met while loading and merging, with file and line. */
  readonly problems: readonly Problem[];
  /** Version of the bundled layer, shown in the About view. */
  readonly version: string | undefined;
  readonly #byId = new Map<string, Entry>();
  readonly #contextual: readonly string[];
  /** A prebuilt term index, usable when it covers every entry: a single layer that has one. */
  readonly #prebuiltIndex: TermIndexData | undefined;
  #termIndex: TermIndex | undefined;
  #search: TermSearch | undefined;

  constructor(layers: readonly Layer[]) {
    const problems: Problem[] = layers.flatMap((l) => l.problems);
    for (const layer of layers) for (const entry of layer.kb.entries) this.#byId.set(entry.id, entry);
    this.entries = [...this.#byId.values()];
    this.sources = layers.flatMap((l) => l.kb.sources ?? []);
    this.#contextual = [...new Set(layers.flatMap((l) => l.kb.contextualAbbreviations ?? []))];
    this.version = layers[0]?.kb.version;
    this.#prebuiltIndex = layers.length === 1 ? layers[0].termIndex : undefined;
    this.problems = problems;
  }

  /** The entry with this id, or `undefined`. */
  get(id: string): Entry | undefined {
    return this.#byId.get(id);
  }

  /** Finds where terms occur in text (loaded or built on first use). */
  get termIndex(): TermIndex {
    this.#termIndex ??= this.#prebuiltIndex ? TermIndex.fromData(this.#prebuiltIndex) : TermIndex.fromEntries(this.entries, this.#contextual);
    return this.#termIndex;
  }

  /** Fuzzy search for completion and look-up (built on first use). */
  get search(): TermSearch {
    return (this.#search ??= new TermSearch(this.entries));
  }

  /**
   * The entry for an id or a term as written (`MS`, `Sjogren's`, `pins and needles`), or the
   * best fuzzy match when `fuzzy` is set; `undefined` when nothing fits.
   */
  resolve(idOrTerm: string, fuzzy = false): Entry | undefined {
    const direct = this.get(idOrTerm.trim()) ?? this.get(this.termIndex.lookup(idOrTerm)[0] ?? '');
    if (direct || !fuzzy) return direct;
    const [best] = this.search.search(idOrTerm, 1);
    return best ? this.get(best.id) : undefined;
  }
}
