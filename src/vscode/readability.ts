import * as vscode from 'vscode';
import { EDITOR_SLICE_MS, gradesText, inSlices, LineMap, oneDecimal, readingReportMarkdown, readingReportSliced, type ReadingReport } from '../core';
import { Commands, SETTINGS_SECTION, VIEW_SCHEME } from './constants';
import { guard } from './log';
import { yieldToEditor, type Session } from './session';
import { settings } from './settings';
import { readingReportUri, showRendered } from './views';

// Long enough that typing a word does not re-grade at every key, short enough to feel live.
const DEBOUNCE_MS = 300;

/** What the reading-grade status bar item shows (the extension's API, for tests and support). */
export interface ReadingGradeStatus {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly tooltip: string;
}

/**
 * The reading grade of the active Markdown editor in the status bar (Flesch-Kincaid, SMOG in
 * the tooltip, against `medterms.readability.targetGrade`), re-computed 300 ms after the last
 * edit, in slices like every analysis (see `EDITOR_SLICE_MS`). Hidden for other editors.
 * Clicking it runs `medterms.showReadingReport`. Never throws: failures go to the log.
 */
export class ReadingGradeStatusBar implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('medterms.readingGrade', vscode.StatusBarAlignment.Right, 100);
  readonly #subscriptions: vscode.Disposable[];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #shown: ReadingGradeStatus | undefined;

  constructor(private readonly session: Session) {
    this.#item.name = 'MedTerms Reading Grade';
    this.#item.command = Commands.showReadingReport;
    this.#subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.#schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.#schedule(DEBOUNCE_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.readability`)) this.#schedule(0);
      }),
    ];
    this.#schedule(0);
  }

  /** What the item shows now, or `undefined` while it is hidden. */
  get shown(): ReadingGradeStatus | undefined {
    return this.#shown;
  }

  #schedule(delay: number): void {
    clearTimeout(this.#timer);
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isGraded(doc)) {
      this.#item.hide();
      this.#shown = undefined;
      return;
    }
    this.#timer = setTimeout(() => void this.#update(doc), delay);
  }

  async #update(doc: vscode.TextDocument): Promise<void> {
    await guard(this.session.log, 'reading grade', async () => {
      const version = doc.version;
      const report = await documentReport(this.session, doc);
      // A newer version or another editor has its own update coming.
      if (doc.isClosed || doc.version !== version || vscode.window.activeTextEditor?.document !== doc) return;
      const { targetGrade } = settings(doc);
      const { grades, stats } = report;
      const above = grades.fleschKincaid > targetGrade;
      const text = stats.words === 0 ? '$(book) Grade –' : `$(book) Grade ${oneDecimal(grades.fleschKincaid)}${above ? ` > ${targetGrade}` : ''}`;
      const tooltip =
        stats.words === 0
          ? 'MedTerms: no prose to grade. Click for the reading report.'
          : `MedTerms reading grade: ${gradesText(grades, stats)}; target ${targetGrade} or below. ${stats.words} words in ${stats.sentences} sentences of prose. Click for the report by section.`;
      this.#item.text = text;
      this.#item.tooltip = tooltip;
      this.#item.show();
      this.#shown = { uri: doc.uri.toString(), version, text, tooltip };
    });
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#subscriptions.forEach((s) => s.dispose());
    this.#item.dispose();
  }
}

/** Whether a document gets a reading grade: Markdown the writer edits, not MedTerms' own views. */
function isGraded(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' && doc.uri.scheme !== VIEW_SCHEME;
}

/** The reading report of the document's current version, from the session's analysis (prose, headings, tables), in slices. */
async function documentReport(session: Session, doc: vscode.TextDocument): Promise<ReadingReport> {
  await session.load();
  // A hover or completion that waited for the knowledge base goes first: the grade can wait a turn.
  await yieldToEditor();
  const terms = await session.terms(doc);
  return inSlices(readingReportSliced(terms), { sliceMs: EDITOR_SLICE_MS, pause: yieldToEditor, cancelled: () => doc.isClosed });
}

/** What `medterms.showReadingReport` returns: the view it opened and its Markdown. */
export interface ShownReadingReport {
  readonly uri: string;
  readonly markdown: string;
}

/**
 * `medterms.showReadingReport`: the reading grade of the active Markdown editor (or of the
 * open document `uri`), by section, rendered read-only beside it in the locked Markdown preview
 * the entry views use. Resolves to the view and its Markdown, or `undefined` without a
 * Markdown document.
 */
export async function showReadingReport(session: Session, uri?: vscode.Uri): Promise<ShownReadingReport | undefined> {
  const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
  if (!doc || !isGraded(doc)) {
    void vscode.window.showInformationMessage('MedTerms: open a Markdown file to see its reading grade.');
    return undefined;
  }
  const report = await documentReport(session, doc);
  const text = doc.getText();
  const title = doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1) || doc.uri.toString(true);
  const lines = new LineMap(text);
  const markdown = readingReportMarkdown(report, text, { title, targetGrade: settings(doc).targetGrade, lineOf: (offset) => lines.position(offset).line + 1 });
  const view = readingReportUri(title, markdown);
  await showRendered(view, true);
  return { uri: view.toString(), markdown };
}
