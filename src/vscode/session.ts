import * as vscode from 'vscode';
import BUNDLED_SNIPPETS from 'medterms:bundled-snippets';
import { BUNDLED_KB, bundledLayer, DocumentAnalysis, hitAt, KnowledgeBase, type SnippetLibrary, type Span, type TermHit } from '../core';
import type { Log } from './log';

/** Reads a file of the extension (`data/kb.json`) as text; workspace.fs works on desktop and web. */
export type ExtensionFileReader = (relativePath: string) => Thenable<string>;

// How long after loading (and between steps) the idle-time preparation waits: past the burst
// of work an editor does when it opens, short enough to be done before the writer types.
const IDLE_MS = 300;

/** What MedTerms knows about one version of a document. */
export interface DocumentTerms {
  readonly version: number;
  readonly text: string;
  readonly prose: readonly Span[];
  readonly headings: readonly Span[];
  readonly hits: readonly TermHit[];
  /** Text read without its deeper structure (see `DocumentAnalysis.flattened`). */
  readonly flattened: readonly Span[];
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
  #idle: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  readonly #documents = new Map<string, { readonly version: number; readonly analysis: DocumentAnalysis }>();
  readonly #subscriptions: vscode.Disposable[];

  constructor(
    readonly log: Log,
    private readonly read: ExtensionFileReader,
  ) {
    this.#subscriptions = [vscode.workspace.onDidCloseTextDocument((doc) => this.#documents.delete(doc.uri.toString()))];
  }

  /**
   * Loads the knowledge base once; every feature awaits this before using {@link kb}. Never
   * rejects: problems go to the log with file and line, and a knowledge base that cannot be
   * read at all loads empty, so the editor keeps working.
   */
  load(): Promise<KnowledgeBase> {
    this.#loading ??= (async () => {
      const started = Date.now();
      let kb: KnowledgeBase;
      try {
        const [entries, terms] = await Promise.all([this.read(BUNDLED_KB.entries), this.read(BUNDLED_KB.terms)]);
        kb = new KnowledgeBase([bundledLayer(entries, terms, BUNDLED_SNIPPETS)]);
      } catch (err) {
        this.log.error(`Cannot read the bundled knowledge base (${BUNDLED_KB.entries}); MedTerms has no terms to show.`, err);
        kb = new KnowledgeBase([]);
      }
      for (const p of kb.problems) this.log[p.severity === 'error' ? 'error' : 'warn'](`${p.file}:${p.line}: ${p.message}`);
      this.log.info(`Loaded the knowledge base ${kb.version ?? ''} in ${Date.now() - started} ms.`);
      this.#prepareWhenIdle(kb);
      return (this.#kb = kb);
    })();
    return this.#loading;
  }

  /**
   * Prepares, a moment after loading, what the first completion, look-up and snippet check
   * would otherwise wait for: the search index (about 130 ms to build) and the snippet library.
   * Each step runs in a task of its own, so the editor stays responsive between them.
   */
  #prepareWhenIdle(kb: KnowledgeBase): void {
    const steps = [() => kb.search, () => kb.prepareSearch(), () => this.snippets.pasted];
    const next = () => {
      const step = steps.shift();
      if (!step || this.#disposed) return;
      try {
        step();
      } catch (err) {
        this.log.error('preparing the knowledge base failed', err);
      }
      this.#idle = setTimeout(next, IDLE_MS);
    };
    this.#idle = setTimeout(next, IDLE_MS);
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

  /** The loaded knowledge base. Only valid after {@link load} has resolved. */
  get kb(): KnowledgeBase {
    if (!this.#kb) throw new Error('MedTerms: the knowledge base was used before it was loaded.');
    return this.#kb;
  }

  /**
   * Prose spans and terms of the document's current version. Terms are found only when asked
   * for: completion, which runs at every keystroke, needs only the prose spans; hover needs the
   * terms too.
   */
  terms(doc: vscode.TextDocument): DocumentTerms {
    const analysis = this.#analysis(doc);
    return { version: doc.version, text: analysis.text, prose: analysis.prose, headings: analysis.headings, hits: analysis.terms(this.kb.termIndex), flattened: analysis.flattened };
  }

  #analysis(doc: vscode.TextDocument): DocumentAnalysis {
    const key = doc.uri.toString();
    const cached = this.#documents.get(key);
    if (cached?.version === doc.version) return cached.analysis;
    const text = doc.getText();
    const analysis = cached ? cached.analysis.next(text) : DocumentAnalysis.of(text);
    this.#documents.set(key, { version: doc.version, analysis });
    return analysis;
  }

  /** The term under `position`, if any (a position just after a term counts, as in VS Code's word ranges). */
  termAt(doc: vscode.TextDocument, position: vscode.Position): TermHit | undefined {
    return hitAt(this.terms(doc).hits, doc.offsetAt(position));
  }

  /** Whether `offset` lies in prose (not code, front matter, a URL…) in the current version. */
  inProse(doc: vscode.TextDocument, offset: number): boolean {
    return hitAt(this.#analysis(doc).prose, offset) !== undefined;
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#idle);
    this.#documents.clear();
    for (const s of this.#subscriptions) s.dispose();
  }
}
