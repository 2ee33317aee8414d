import * as vscode from 'vscode';
import { isoDate, snippetFindings, STYLE_RULES, styleFindings, type StyleFinding, type StyleRule } from '../core';
import { rangeOf } from './adapters';
import { DIAGNOSTICS, SETTINGS_SECTION, Settings, VIEW_SCHEME } from './constants';
import { guard } from './log';
import type { Session } from './session';

/** How a rule's findings are shown; the values of the `medterms.diagnostics.<rule>` settings. */
export type RuleSeverity = 'off' | 'hint' | 'information' | 'warning' | 'error';

/** The defaults, as package.json declares them: jargon is a judgement, an unexplained abbreviation a slip. */
export const DEFAULT_SEVERITY: Readonly<Record<StyleRule, RuleSeverity>> = {
  jargon: 'information',
  abbreviation: 'warning',
  // Vetted text changed by hand is what a reviewer must see; the rest are news, not slips.
  'snippet-edited': 'warning',
  'snippet-outdated': 'information',
  'snippet-review-due': 'information',
  'snippet-marker': 'warning',
  'snippet-unmarked': 'hint',
};

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
  readonly #findings = new Map<string, { readonly version: number; readonly findings: readonly StyleFinding[] }>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #subscriptions: vscode.Disposable[];

  constructor(private readonly session: Session) {
    this.#subscriptions = [
      vscode.workspace.onDidOpenTextDocument((doc) => this.#schedule(doc, 0)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.#schedule(e.document, 0))),
      vscode.workspace.onDidChangeTextDocument((e) => this.#schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.#forget(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(`${SETTINGS_SECTION}.diagnostics`)) return;
        // The allowed abbreviations change what is found; severities only how it is shown.
        this.#findings.clear();
        vscode.workspace.textDocuments.forEach((doc) => this.#schedule(doc, 0));
      }),
    ];
    vscode.workspace.textDocuments.forEach((doc) => this.#schedule(doc, 0));
  }

  /**
   * The findings of the document's current version, computed now if they are not known yet.
   * Only valid after `session.load()` has resolved.
   */
  findings(doc: vscode.TextDocument): readonly StyleFinding[] {
    const key = doc.uri.toString();
    const known = this.#findings.get(key);
    if (known?.version === doc.version) return known.findings;
    const allowedAbbreviations = vscode.workspace.getConfiguration(SETTINGS_SECTION, doc).get<string[]>(Settings.allowedAbbreviations, []);
    const terms = this.session.terms(doc);
    const snippets = this.session.snippets;
    const findings = [
      ...styleFindings(terms, this.session.kb, { allowedAbbreviations }),
      ...snippetFindings(terms.text, terms.prose, snippets, { today: isoDate(new Date()), pasted: snippets.pasted }),
    ].sort((a, b) => a.start - b.start);
    this.#findings.set(key, { version: doc.version, findings });
    return findings;
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
      if (doc.isClosed) return;
      const severities = ruleSeverities(doc);
      const diagnostics = this.findings(doc).flatMap((finding) => {
        const severity = severities[finding.rule];
        return severity === 'off' ? [] : [toDiagnostic(doc, finding, SEVERITY[severity])];
      });
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

/** Each rule's severity for a document; a value that is not one of the choices counts as the default. */
function ruleSeverities(doc: vscode.TextDocument): Record<StyleRule, RuleSeverity> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, doc);
  const severities = { ...DEFAULT_SEVERITY };
  for (const rule of STYLE_RULES) {
    const value = config.get<string>(Settings.diagnosticSeverity[rule]);
    if (value === 'off' || (value !== undefined && Object.hasOwn(SEVERITY, value))) severities[rule] = value as RuleSeverity;
  }
  return severities;
}

function toDiagnostic(doc: vscode.TextDocument, finding: StyleFinding, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(rangeOf(doc, finding), finding.message, severity);
  diagnostic.source = DIAGNOSTICS.source;
  diagnostic.code = finding.rule;
  return diagnostic;
}
