import type { LoadResult, Problem } from './kb/load';
import { mergeLayers, type EntryOrigin, type LayerMerge } from './kb/merge';
import type { Entry, KbSource } from './kb/types';
import { TermIndex } from './match/termIndex';
import { TermSearch, wholeTerm } from './search/search';
import { finish, type Sliced } from './slices';
import { SnippetLibrary } from './snippets/library';
import type { SnippetSource } from './snippets/snippet';
import { mergePlainWords, type PlainWordsLayer, type PlainWordsMerge } from './style/plainWordLayers';
import { BUNDLED_PLAIN_WORDS, bundledPlainWords, PlainWords } from './style/plainWords';

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
  /** A team's jargon list (`.medterms/jargon/*.json`), merged over the bundled plain words. */
  readonly plainWords?: PlainWordsLayer;
}

/**
 * The knowledge base the features use: layers merged (see `mergeLayers`: a later layer adds
 * entries, overrides the fields it writes of an entry with the same id, or suppresses one, so a
 * team's own file can correct a bundled entry), with the
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
  /** What the layers over the first change, or `undefined` for a single layer. */
  readonly #merge: LayerMerge | undefined;
  /** The first layer's entries by id, when it cannot look one up lazily. */
  #baseById: Map<string, Entry> | undefined;
  /** The bundled plain words with the layers' jargon lists merged in, or `undefined` when no layer has one. */
  readonly #plainWordsMerge: PlainWordsMerge | undefined;
  #plainWords: PlainWords | undefined;

  constructor(layers: readonly Layer[]) {
    this.#layers = layers;
    this.#lazy = layers.length > 0 && layers.every((l) => l.entry);
    this.sources = layers.flatMap((l) => l.kb.sources ?? []);
    this.#contextual = [...new Set(layers.flatMap((l) => l.kb.contextualAbbreviations ?? []))];
    this.version = layers[0]?.kb.version;
    this.#prebuiltIndex = layers[0]?.termIndex;
    const [base, ...over] = layers;
    if (over.length > 0) {
      this.#merge = mergeLayers(
        {
          file: base.file,
          entry: (id) => this.#baseEntry(id),
          abbreviationCandidates: (abbreviation) => (base.termIndex ? base.termIndex.lookup(abbreviation) : base.kb.entries.filter((e) => e.abbreviations?.includes(abbreviation)).map((e) => e.id)),
        },
        over,
      );
    }
    const jargon = layers.flatMap((l) => (l.plainWords ? [l.plainWords] : []));
    // Merged now, not on first use, so that its problems are known with the others' (a list is a few hundred words).
    if (jargon.length > 0) this.#plainWordsMerge = mergePlainWords(BUNDLED_PLAIN_WORDS, jargon);
    this.problems = [...layers.flatMap((l) => l.problems), ...(this.#merge?.problems ?? []), ...(this.#plainWordsMerge?.problems ?? [])];
  }

  /**
   * The general jargon the plain-language rules flag and `medterms export --vale` writes: the
   * bundled list (`data/jargon/general.json`) with the layers' jargon lists merged in, in layer
   * order (see `mergePlainWords`). Built on first use; the bundled list itself when no layer has one.
   */
  get plainWords(): PlainWords {
    return (this.#plainWords ??= this.#plainWordsMerge ? new PlainWords(this.#plainWordsMerge.list) : bundledPlainWords());
  }

  #baseEntry(id: string): Entry | undefined {
    const base = this.#layers[0];
    if (!base) return undefined;
    if (base.entry) return base.entry(id);
    this.#baseById ??= new Map(base.kb.entries.map((e) => [e.id, e]));
    return this.#baseById.get(id);
  }

  /**
   * Which layer an entry came from, and which layer set each field a later layer overrode (for
   * the card and the entry view); `undefined` for an id no layer has.
   */
  originOf(id: string): EntryOrigin | undefined {
    if (!this.get(id)) return undefined;
    return this.#merge?.origins.get(id) ?? { layer: this.#layers[0].file, fields: {} };
  }

  /** The file of the first layer (the bundled knowledge base, in the editor and the CLI). */
  get baseFile(): string | undefined {
    return this.#layers[0]?.file;
  }

  /** Every entry, layers merged (computed on first use: it parses every entry). */
  get entries(): readonly Entry[] {
    return (this.#entries ??= [...this.#merged().values()]);
  }

  /** The entry with this id, or `undefined`. Cheap on a lazily parsed layer: it parses that entry only. */
  get(id: string): Entry | undefined {
    if (this.#merge?.changed.has(id)) return this.#merge.changed.get(id) ?? undefined;
    if (this.#byId || !this.#lazy) return this.#merged().get(id);
    return this.#baseEntry(id);
  }

  #merged(): Map<string, Entry> {
    if (!this.#byId) {
      this.#byId = new Map();
      for (const entry of this.#layers[0]?.kb.entries ?? []) this.#byId.set(entry.id, entry);
      for (const [id, entry] of this.#merge?.changed ?? []) {
        if (entry) this.#byId.set(id, entry);
        else this.#byId.delete(id);
      }
    }
    return this.#byId;
  }

  /**
   * Finds where terms occur in text (loaded or built on first use). Over a prebuilt base index,
   * the layers' changes are applied to a copy of it rather than the whole index rebuilt, so a
   * team's layer costs in proportion to its own size.
   */
  get termIndex(): TermIndex {
    if (this.#termIndex) return this.#termIndex;
    const merge = this.#merge;
    if (this.#prebuiltIndex && merge) {
      const added = [...merge.changed.values()].filter((e): e is Entry => e !== null);
      this.#termIndex = this.#prebuiltIndex.withChanges(merge.replaced, added, this.#contextual, (id) => this.get(id) !== undefined);
    } else this.#termIndex = this.#prebuiltIndex ?? TermIndex.fromEntries(this.entries, this.#contextual);
    return this.#termIndex;
  }

  /** Fuzzy search for completion and look-up (built on first use, or by {@link prepareSearch}). */
  get search(): TermSearch {
    return (this.#search ??= new TermSearch(this.entries, this.#searchOptions));
  }

  /**
   * Builds {@link search} in steps that can pause between them (see `inSlices`): parsing every
   * entry, then each of the search's indexes. For idle time, where one long task would hold up
   * the hover or keystroke that comes meanwhile.
   */
  *buildSearch(): Sliced<TermSearch> {
    const entries = this.entries;
    yield;
    const search = yield* TermSearch.build(entries, this.#searchOptions);
    // A completion that could not wait may have built it meanwhile.
    return (this.#search ??= search);
  }

  // Look-up ranks first what hover finds for the whole query (`recognise`), so the two agree.
  readonly #searchOptions = { recognise: (query: string) => wholeTerm(this.termIndex.findTerms(query), query) };

  /**
   * Builds the search and answers a few throw-away queries, for idle time after activation: the
   * first completion then costs what any other does, instead of waiting for the index build
   * (about 130 ms) and for the search code's first runs (the JavaScript engine optimises code
   * only after it has run a few times). The queries take each path a query can: a prefix, a
   * misspelling, a swapped pair of letters, several words, a code.
   */
  prepareSearch(): void {
    finish(this.prepareSearchSliced());
  }

  /** {@link prepareSearch} in steps: the search's build (see {@link buildSearch}), then one query at a time. */
  *prepareSearchSliced(): Sliced<void> {
    const search = yield* this.buildSearch();
    for (let round = 0; round < 2; round++) {
      for (const query of PREPARE_QUERIES) {
        yield;
        search.search(query, 1);
      }
    }
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
