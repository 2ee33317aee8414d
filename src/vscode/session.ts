import * as vscode from 'vscode';
import BUNDLED_SNIPPETS from 'medterms:bundled-snippets';
import { BUNDLED_KB, bundledLayer, Cancelled, type Layer, DocumentAnalysis, EDITOR_SLICE_MS, hitAt, inSlices, KnowledgeBase, type SlicePacing, type Sliced, type SnippetLibrary, type Span, type TermHit } from '../core';
import type { Log } from './log';

/** Reads a file of the extension (`data/kb.json`) as text; workspace.fs works on desktop and web. */
export type ExtensionFileReader = (relativePath: string) => Thenable<string>;

/** Reads a team's knowledge layers (settings' paths, then the workspace's `.medterms/`), in order. */
export type TeamLayerReader = () => Promise<readonly Layer[]>;

// How long after loading (and between steps) the idle-time preparation waits: past the burst
// of work an editor does when it opens, short enough to be done before the writer types.
const IDLE_MS = 300;

/** Gives the event loop a turn: a timer, not a microtask, so that input and other extensions run. */
export const yieldToEditor = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * How one analysis of a document shared the extension host's thread: in how many slices, the
 * longest of them and the whole, in ms of wall time. Logged for a document read in more than
 * one slice.
 */
export interface AnalysisPacing {
  readonly chars: number;
  readonly slices: number;
  readonly longestSliceMs: number;
  readonly totalMs: number;
}

/** What MedTerms knows about one version of a document. */
export interface DocumentTerms {
  readonly version: number;
  readonly text: string;
  readonly prose: readonly Span[];
  readonly headings: readonly Span[];
  readonly hits: readonly TermHit[];
  /** Text read without its deeper structure (see `DocumentAnalysis.flattened`). */
  readonly flattened: readonly Span[];
  /** The tables' lines (see `DocumentAnalysis.tables`). */
  readonly tables: readonly Span[];
}


/**
 * The state the features share: the knowledge base, read and loaded on first use (not at
 * activation), and an analysis of each open document's latest version: its prose spans and
 * terms, computed once per version (so hover is a binary search, not a rescan), and from the
 * previous version's (so an edit re-reads only the blocks it touched).
 */
export class Session implements vscode.Disposable {
  #kb: KnowledgeBase | undefined;
  #loading: Promise<KnowledgeBase> | undefined;
  #snippetsLogged = false;
  /** The bundled layer, read once: a rebuild after a team's file changes reuses it. */
  #bundled: Layer | undefined;
  readonly #changed = new vscode.EventEmitter<KnowledgeBase>();
  /** Fires when a rebuilt knowledge base replaces the loaded one (a team's layer changed). */
  readonly onDidChangeKnowledge = this.#changed.event;
  #idle: ReturnType<typeof setTimeout> | undefined;
  /** When a feature last asked for a document's terms (`Date.now()`): idle-time work waits for a quiet moment after it. */
  #lastUse = 0;
  #disposed = false;
  /** Per document: the last version asked for, with its analysis (prose and terms) under way or done. */
  readonly #documents = new Map<
    string,
    {
      readonly version: number;
      /** The knowledge base the terms were found with; none for prose read before it loaded. */
      readonly kb?: KnowledgeBase;
      readonly terms?: Promise<DocumentTerms>;
      readonly analysis: Promise<DocumentAnalysis | undefined>;
    }
  >();
  /** How each document's last analysis shared the thread. */
  readonly #pacing = new Map<string, AnalysisPacing>();
  readonly #subscriptions: vscode.Disposable[];

  constructor(
    readonly log: Log,
    private readonly read: ExtensionFileReader,
    private readonly readTeamLayers: TeamLayerReader = async () => [],
  ) {
    this.#subscriptions = [
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.#documents.delete(doc.uri.toString());
        this.#pacing.delete(doc.uri.toString());
      }),
    ];
  }

  /**
   * Loads the knowledge base once; every feature awaits this before using {@link kb}. Never
   * rejects: problems go to the log with file and line, and a knowledge base that cannot be
   * read at all loads empty, so the editor keeps working.
   */
  load(): Promise<KnowledgeBase> {
    this.#loading ??= (async () => {
      const started = Date.now();
      let read = 0;
      let kb: KnowledgeBase;
      // The team's layers are read while the bundled files are: in a virtual workspace (the
      // browser) each look-up of `.medterms/` is a round trip through the host.
      const team = this.#teamLayers();
      const files = Promise.all([this.read(BUNDLED_KB.entries), this.read(BUNDLED_KB.terms)]);
      this.#readOpenProse();
      try {
        const [entries, terms] = await files;
        read = Date.now() - started;
        this.#bundled = bundledLayer(entries, terms, BUNDLED_SNIPPETS);
        kb = new KnowledgeBase([this.#bundled, ...(await team)]);
      } catch (err) {
        this.log.error(`Cannot read the bundled knowledge base (${BUNDLED_KB.entries}); MedTerms has no terms to show.`, err);
        kb = new KnowledgeBase([]);
      }
      for (const p of kb.problems) this.log[p.severity === 'error' ? 'error' : 'warn'](`${p.file}:${p.line}: ${p.message}`);
      // The files' share, for support: in the browser they come through the workbench's window.
      this.log.info(`Loaded the knowledge base ${kb.version ?? ''} in ${Date.now() - started} ms (its files read in ${read} ms).`);
      this.#prepareWhenIdle(kb);
      return (this.#kb = kb);
    })();
    return this.#loading;
  }

  /**
   * Reads the prose of the open Markdown documents while the knowledge base's files arrive:
   * prose needs no knowledge base, and in the browser the files take a few hundred ms to come
   * through the window, time in which the worker is otherwise idle. The first hover's analysis
   * then only finds the terms ({@link terms} goes on from this analysis of the same version).
   */
  #readOpenProse(): void {
    for (const doc of vscode.workspace.textDocuments) {
      const key = doc.uri.toString();
      if (doc.languageId !== 'markdown' || this.#documents.has(key)) continue;
      const pacing: SlicePacing = { sliceMs: EDITOR_SLICE_MS, pause: yieldToEditor, cancelled: () => doc.isClosed || this.#disposed };
      const analysis = inSlices(DocumentAnalysis.read(doc.getText()), pacing).catch(() => undefined);
      this.#documents.set(key, { version: doc.version, analysis });
    }
  }

  /** The team's layers; when they cannot be read, that is logged and there are none. Never rejects. */
  async #teamLayers(): Promise<readonly Layer[]> {
    try {
      return await this.readTeamLayers();
    } catch (err) {
      this.log.error("Cannot read the team's knowledge layers; using the bundled knowledge base alone.", err);
      return [];
    }
  }

  /**
   * Re-reads the team's layers and swaps the rebuilt knowledge base in: hover, completion,
   * look-up, snippets and the preview use it from now on, and every open document's terms are
   * found again (their analyses are kept per knowledge base, see {@link terms}). Listeners of
   * {@link onDidChangeKnowledge} re-run what depends on it (diagnostics, the preview).
   */
  async reload(): Promise<KnowledgeBase> {
    if (!this.#bundled) return this.load();
    const started = Date.now();
    const kb = new KnowledgeBase([this.#bundled, ...(await this.#teamLayers())]);
    if (this.#disposed) return kb;
    this.#kb = kb;
    this.#loading = Promise.resolve(kb);
    this.#snippetsLogged = false;
    this.log.info(`Rebuilt the knowledge base with the team's layers in ${Date.now() - started} ms.`);
    this.#changed.fire(kb);
    // The rebuilt search is built in idle time too, not by the next completion.
    clearTimeout(this.#idle);
    this.#prepareWhenIdle(kb);
    return kb;
  }

  /**
   * Prepares, in idle time after loading, what the first completion, look-up and snippet check
   * would otherwise wait for: the search (about 130 ms to build in Node, half a second in the
   * browser's web worker) and the snippet library. It waits until no document has been read for
   * hover, completion or diagnostics for {@link IDLE_MS}, and runs in slices (see
   * `EDITOR_SLICE_MS`) that end between the search's indexes, pausing again whenever the features
   * are in use: in the web worker a hover that came during the whole build waited for all of it.
   * Dropped when the knowledge base is replaced first.
   */
  #prepareWhenIdle(kb: KnowledgeBase): void {
    const session = this;
    function* prepare(): Sliced<void> {
      yield* kb.prepareSearchSliced();
      yield;
      session.snippets.pasted;
    }
    const whenIdle = async () => {
      await yieldToEditor();
      for (let wait = IDLE_MS; wait > 0; wait = this.#lastUse + IDLE_MS - Date.now()) await new Promise((resolve) => (this.#idle = setTimeout(resolve, wait)));
    };
    const cancelled = () => this.#disposed || this.#kb !== kb;
    void (async () => {
      try {
        await whenIdle();
        if (!cancelled()) await inSlices(prepare(), { sliceMs: EDITOR_SLICE_MS, pause: whenIdle, cancelled });
      } catch (err) {
        if (!(err instanceof Cancelled)) this.log.error('preparing the knowledge base failed', err);
      }
    })();
  }

  /**
   * The snippet library, parsed on first use; its problems go to the log once. Only valid after
   * {@link load} has resolved.
   */
  get snippets(): SnippetLibrary {
    const library = this.kb.snippets;
    if (!this.#snippetsLogged) {
      this.#snippetsLogged = true;
      for (const p of library.problems) this.log[p.severity === 'error' ? 'error' : 'warn'](`${p.file}:${p.line}: ${p.message}`);
    }
    return library;
  }

  /** The knowledge base if it has loaded, else `undefined`: for work that cannot wait for {@link load} (a preview renders synchronously). */
  get loaded(): KnowledgeBase | undefined {
    return this.#kb;
  }

  /** The loaded knowledge base. Only valid after {@link load} has resolved. */
  get kb(): KnowledgeBase {
    if (!this.#kb) throw new Error('MedTerms: the knowledge base was used before it was loaded.');
    return this.#kb;
  }

  /**
   * Prose spans and terms of the document's current version, found once per version, in slices
   * that give the editor its thread back (see `EDITOR_SLICE_MS`): a 10 MB document is read in
   * about a second without a freeze, hover and completion answering in between; an ordinary one
   * in one slice, without a pause. A version is derived from the
   * one asked for before it, once that one is done, so an edit re-reads only what it touched
   * and typing during a long first read queues edits rather than restarting the read.
   * Only valid after {@link load} has resolved. Rejects with `Cancelled` when the document
   * closes first.
   */
  terms(doc: vscode.TextDocument): Promise<DocumentTerms> {
    this.#lastUse = Date.now();
    const key = doc.uri.toString();
    const known = this.#documents.get(key);
    if (known?.terms && known.version === doc.version && known.kb === this.#kb) return known.terms;
    const { version } = doc;
    const text = doc.getText();
    const index = this.kb.termIndex;
    const analysis = (known?.analysis ?? Promise.resolve(undefined)).then(async (before) => {
      const timing = { slices: 1, longestSliceMs: 0, started: Date.now(), resumed: Date.now() };
      const held = () => (timing.longestSliceMs = Math.max(timing.longestSliceMs, Date.now() - timing.resumed));
      const pacing: SlicePacing = {
        sliceMs: EDITOR_SLICE_MS,
        pause: async () => {
          held();
          timing.slices++;
          await yieldToEditor();
          timing.resumed = Date.now();
        },
        cancelled: () => doc.isClosed || this.#disposed,
      };
      const done = await inSlices(analyse(before, text), pacing);
      held();
      const record: AnalysisPacing = { chars: text.length, slices: timing.slices, longestSliceMs: timing.longestSliceMs, totalMs: Date.now() - timing.started };
      this.#pacing.set(key, record);
      if (record.slices > 1) this.log.info(`Read ${doc.uri.toString(true)} (${record.chars.toLocaleString('en-US')} characters) in ${record.slices} slices over ${record.totalMs} ms; the longest held the editor ${record.longestSliceMs} ms.`);
      return done;
    });
    function* analyse(before: DocumentAnalysis | undefined, text: string): Sliced<DocumentAnalysis> {
      const analysis = before ? yield* before.update(text) : yield* DocumentAnalysis.read(text);
      yield* analysis.findTerms(index);
      return analysis;
    }
    const terms = analysis.then((a) => ({ version, text: a.text, prose: a.prose, headings: a.headings, hits: a.terms(index), flattened: a.flattened, tables: a.tables }));
    // The next version starts from this one; if this one failed, from scratch.
    this.#documents.set(key, { version, kb: this.kb, terms, analysis: analysis.catch(() => undefined) });
    return terms;
  }

  /** How the document's last analysis shared the extension host's thread (the extension's API, for tests and support). */
  pacingOf(uri: vscode.Uri): AnalysisPacing | undefined {
    return this.#pacing.get(uri.toString());
  }

  /** The term under `position`, if any (a position just after a term counts, as in VS Code's word ranges). */
  async termAt(doc: vscode.TextDocument, position: vscode.Position): Promise<TermHit | undefined> {
    return hitAt((await this.terms(doc)).hits, doc.offsetAt(position));
  }

  /** Whether `offset` lies in prose (not code, front matter, a URL…) in the current version. */
  async inProse(doc: vscode.TextDocument, offset: number): Promise<boolean> {
    return hitAt((await this.terms(doc)).prose, offset) !== undefined;
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#idle);
    this.#documents.clear();
    this.#changed.dispose();
    for (const s of this.#subscriptions) s.dispose();
  }
}
