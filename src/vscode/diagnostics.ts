import * as vscode from 'vscode';
import { documentFindingsSliced, EDITOR_SLICE_MS, inSlices, isoDate, type StyleFinding } from '../core';
import { rangeOf } from './adapters';
import { DIAGNOSTICS, SETTINGS_SECTION, Settings, VIEW_SCHEME } from './constants';
import { guard } from './log';
import { yieldToEditor, type Session } from './session';
import { settings, type RuleSeverity } from './settings';

const SEVERITY: Readonly<Record<Exclude<RuleSeverity, 'off'>, vscode.DiagnosticSeverity>> = {
  hint: vscode.DiagnosticSeverity.Hint,
  information: vscode.DiagnosticSeverity.Information,
  warning: vscode.DiagnosticSeverity.Warning,
  error: vscode.DiagnosticSeverity.Error,
};

// Long enough that typing a word does not re-run the rules at every key, short enough to feel live.
const DEBOUNCE_MS = 250;

/**
 * The plain-language diagnostics of Markdown documents: computed when a document opens or
 * becomes visible, and again 250 ms after its last change. Findings are kept per document
 * version, so an unchanged version is never analysed twice, and the quick fixes read the same
 * findings. Never throws: failures go to the log.
 */
export class StyleDiagnostics implements vscode.Disposable {
  readonly #collection = vscode.languages.createDiagnosticCollection(DIAGNOSTICS.collection);
  /** Findings per document URI, for one version and the settings they were computed with. */
  readonly #findings = new Map<string, { readonly version: number; readonly findings: Promise<readonly StyleFinding[]> }>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #failures = new Set<string>();
  readonly #subscriptions: vscode.Disposable[];

  constructor(private readonly session: Session) {
    this.#subscriptions = [
      vscode.workspace.onDidOpenTextDocument((doc) => this.#schedule(doc, 0)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.#schedule(e.document, 0))),
      vscode.workspace.onDidChangeTextDocument((e) => this.#schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.#forget(doc.uri)),
      // A team's layer changed: every finding may change with the terms.
      session.onDidChangeKnowledge(() => {
        this.#findings.clear();
        vscode.workspace.textDocuments.forEach((doc) => this.#schedule(doc, 0));
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(`${SETTINGS_SECTION}.diagnostics`) && !e.affectsConfiguration(`${SETTINGS_SECTION}.readability`)) return;
        // The allowed abbreviations and the target grade change what is found; severities only how it is shown.
        this.#findings.clear();
        vscode.workspace.textDocuments.forEach((doc) => this.#schedule(doc, 0));
      }),
    ];
    vscode.workspace.textDocuments.forEach((doc) => this.#schedule(doc, 0));
  }

  /**
   * The findings of the document's current version, computed now (in slices, see `EDITOR_SLICE_MS`)
   * if they are not known yet. Only valid after `session.load()` has resolved.
   */
  findings(doc: vscode.TextDocument): Promise<readonly StyleFinding[]> {
    const key = doc.uri.toString();
    const known = this.#findings.get(key);
    if (known?.version === doc.version) return known.findings;
    const { allowedAbbreviations, targetGrade } = settings(doc);
    this.session.snippets; // loads the library, its problems logged once
    const findings = this.session.terms(doc).then((terms) =>
      inSlices(
        documentFindingsSliced(terms, this.session.kb, { allowedAbbreviations, today: isoDate(new Date()), targetGrade }, (group, err) => this.#logOnce(group, err)),
        { sliceMs: EDITOR_SLICE_MS, pause: yieldToEditor, cancelled: () => doc.isClosed },
      ),
    );
    this.#findings.set(key, { version: doc.version, findings });
    return findings;
  }

  /** Logs a rule group's failure once per message: a broken rule would otherwise log at every keystroke. */
  #logOnce(group: string, err: unknown): void {
    const key = `${group}: ${err instanceof Error ? err.message : String(err)}`;
    if (this.#failures.has(key)) return;
    this.#failures.add(key);
    this.session.log.error(`The ${group} rules failed; the other rules still run.`, err);
  }

  #schedule(doc: vscode.TextDocument, delay: number): void {
    if (doc.languageId !== 'markdown' || doc.uri.scheme === VIEW_SCHEME) return;
    const key = doc.uri.toString();
    clearTimeout(this.#timers.get(key));
    this.#timers.set(
      key,
      setTimeout(() => {
        this.#timers.delete(key);
        if (!doc.isClosed) void this.#update(doc);
      }, delay),
    );
  }

  async #update(doc: vscode.TextDocument): Promise<void> {
    await guard(this.session.log, 'diagnostics', async () => {
      await this.session.load();
      // A hover or completion that waited for the knowledge base goes first: the rules can wait a turn.
      await yieldToEditor();
      if (doc.isClosed) return;
      const { severity: severities, maxProblems } = settings(doc);
      const version = doc.version;
      const findings = await this.findings(doc);
      // A newer version has its own update coming; these findings would be out of place.
      if (doc.isClosed || doc.version !== version) return;
      const shown = findings.filter((finding) => severities[finding.rule] !== 'off');
      const diagnostics = shown.slice(0, maxProblems).map((finding) => toDiagnostic(doc, finding, SEVERITY[severities[finding.rule] as Exclude<RuleSeverity, 'off'>]));
      if (shown.length > maxProblems) diagnostics.push(moreProblems(doc, shown[maxProblems], shown.length - maxProblems, maxProblems));
      this.#collection.set(doc.uri, diagnostics);
    });
  }

  #forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
    this.#findings.delete(key);
    this.#collection.delete(uri);
  }

  dispose(): void {
    this.#timers.forEach((timer) => clearTimeout(timer));
    this.#subscriptions.forEach((s) => s.dispose());
    this.#collection.dispose();
  }
}

/** The note that stands for the problems past `medterms.diagnostics.maxProblems`, at the first of them. */
function moreProblems(doc: vscode.TextDocument, first: StyleFinding, more: number, shown: number): vscode.Diagnostic {
  const note = new vscode.Diagnostic(
    rangeOf(doc, first),
    `MedTerms shows the first ${shown.toLocaleString('en-US')} problems of this document; ${more.toLocaleString('en-US')} more from here on are not shown (setting ${SETTINGS_SECTION}.${Settings.maxProblems}; \`medterms check\` lists them all).`,
    vscode.DiagnosticSeverity.Information,
  );
  note.source = DIAGNOSTICS.source;
  note.code = DIAGNOSTICS.moreProblems;
  return note;
}

function toDiagnostic(doc: vscode.TextDocument, finding: StyleFinding, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(rangeOf(doc, finding), finding.message, severity);
  diagnostic.source = DIAGNOSTICS.source;
  diagnostic.code = finding.rule;
  return diagnostic;
}
