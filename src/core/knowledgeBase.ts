import type { LoadResult, Problem } from './kb/load';
import type { Entry, KbSource } from './kb/types';
import { TermIndex } from './match/termIndex';
import { TermSearch, wholeTerm } from './search/search';
import { SnippetLibrary } from './snippets/library';
import type { SnippetSource } from './snippets/snippet';

const PREPARE_QUERIES = ['nevre', 'carpel tun', 'pins and', 'arth', 'lupis', 'g35', 'hyper', 'neuropath'];

/** A loaded layer: a parsed file and the name its problems carry. */
export interface Layer extends LoadResult {
  readonly file: string;
  /** The layer's term index, prebuilt by `npm run build:kb` (the bundled layer has one). */
  readonly termIndex?: TermIndex;
  /** A look-up of one entry that does not need `kb.entries` (the bundled layer parses lazily). */
  readonly entry?: (id: string) => Entry | undefined;
  /** The layer's snippet files, read when the snippets are first needed. */
  readonly snippets?: readonly SnippetSource[];
}

/**
 * The knowledge base the features use: layers merged (a later layer's entry replaces an
 * earlier one with the same id, so a team's own file can correct a bundled entry), with the
 * term index, the search and the snippet library built lazily, once, on first use — never per
 * keystroke.
 */
export class KnowledgeBase {
  readonly sources: readonly KbSource[];
  /** Every problem met while loading and merging, with file and line. */
  readonly problems: readonly Problem[];
  /** Version of the bundled layer, shown in the About view. */
  readonly version: string | undefined;
  readonly #layers: readonly Layer[];
  /** Every layer can look up one entry without parsing the rest (see `Layer.entry`). */
  readonly #lazy: boolean;
  #byId: Map<string, Entry> | undefined;
  #entries: readonly Entry[] | undefined;
  readonly #contextual: readonly string[];
  /** A prebuilt term index, usable when it covers every entry: a single layer that has one. */
  readonly #prebuiltIndex: TermIndex | undefined;
  #termIndex: TermIndex | undefined;
  #search: TermSearch | undefined;
  #snippets: SnippetLibrary | undefined;

  constructor(layers: readonly Layer[]) {
    this.#layers = layers;
    this.#lazy = layers.every((l) => l.entry);
    this.sources = layers.flatMap((l) => l.kb.sources ?? []);
    this.#contextual = [...new Set(layers.flatMap((l) => l.kb.contextualAbbreviations ?? []))];
    this.version = layers[0]?.kb.version;
    this.#prebuiltIndex = layers.length === 1 ? layers[0].termIndex : undefined;
    this.problems = layers.flatMap((l) => l.problems);
  }

  /** Every entry, layers merged (computed on first use: it parses every entry). */
  get entries(): readonly Entry[] {
    return (this.#entries ??= [...this.#merged().values()]);
  }

  /** The entry with this id, or `undefined`. Cheap on a lazily parsed layer: it parses that entry only. */
  get(id: string): Entry | undefined {
    if (this.#byId || !this.#lazy) return this.#merged().get(id);
    for (let i = this.#layers.length - 1; i >= 0; i--) {
      const entry = this.#layers[i].entry!(id);
      if (entry) return entry;
    }
    return undefined;
  }

  #merged(): Map<string, Entry> {
    if (!this.#byId) {
      this.#byId = new Map();
      for (const layer of this.#layers) for (const entry of layer.kb.entries) this.#byId.set(entry.id, entry);
    }
    return this.#byId;
  }

  /** Finds where terms occur in text (loaded or built on first use). */
  get termIndex(): TermIndex {
    this.#termIndex ??= this.#prebuiltIndex ?? TermIndex.fromEntries(this.entries, this.#contextual);
    return this.#termIndex;
  }

  /** Fuzzy search for completion and look-up (built on first use, or by {@link prepareSearch}). */
  get search(): TermSearch {
    // Look-up ranks first what hover finds for the whole query (`recognise`), so the two agree.
    return (this.#search ??= new TermSearch(this.entries, { recognise: (query) => wholeTerm(this.termIndex.findTerms(query), query) }));
  }

  /**
   * Builds the search and answers a few throw-away queries, for idle time after activation: the
   * first completion then costs what any other does, instead of waiting for the index build
   * (about 130 ms) and for the search code's first runs (the JavaScript engine optimises code
   * only after it has run a few times). The queries take each path a query can: a prefix, a
   * misspelling, a swapped pair of letters, several words, a code.
   */
  prepareSearch(): void {
    for (let round = 0; round < 2; round++) for (const query of PREPARE_QUERIES) this.search.search(query, 1);
  }

  /**
   * The vetted snippets of every layer (parsed on first use). Their problems are in
   * `snippets.problems`, not in {@link problems}: the snippets load after the entries.
   */
  get snippets(): SnippetLibrary {
    return (this.#snippets ??= new SnippetLibrary(
      this.#layers.map((l) => l.snippets ?? []),
      (id) => this.get(id) !== undefined,
    ));
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
