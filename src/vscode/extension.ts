import * as vscode from 'vscode';
import type { MarkdownItInstance } from '../core';
import { Commands, MARKDOWN, VIEW_SCHEME } from './constants';
import { CODE_ACTION_METADATA, codeActionProvider } from './codeActions';
import { completionProvider } from './completion';
import { StyleDiagnostics } from './diagnostics';
import { hoverProvider } from './hover';
import { createLog, guard } from './log';
import { lookUpTerm, lookUpTermAtCursor, showAbout } from './commands';
import { openEntry, viewContentProvider } from './views';
import { Session, type AnalysisPacing } from './session';
import { addTermCodeActionProvider, newTerm, readTeamLayers, suppressTerm, TeamKnowledge } from './knowledge';
import { extendMarkdownIt, refreshPreviewOnSettingChange } from './preview';
import { ReadingGradeStatusBar, showReadingReport, type ReadingGradeStatus } from './readability';
import { applySnippetFix, compareSnippet, insertSnippet, showSnippet, snippetCodeLensProvider, snippetCompletionProvider, type InsertSnippetArgs } from './snippets';

/**
 * Wires the features to VS Code. Cheap on purpose: the knowledge base is read and its indexes
 * loaded on first use (the first hover, completion, look-up, or the diagnostics of an open
 * Markdown document, which run just after activation), not here. Used unchanged by the desktop
 * and the web bundle.
 */
export function activate(context: vscode.ExtensionContext): MedTermsApi {
  const log = createLog();
  const decoder = new TextDecoder();
  const session = new Session(log, (file) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, file)).then((bytes) => decoder.decode(bytes)), () => readTeamLayers());
  const teamKnowledge = new TeamKnowledge(session);
  const diagnostics = new StyleDiagnostics(session);
  const readingGrade = new ReadingGradeStatusBar(session);
  context.subscriptions.push(
    log,
    session,
    diagnostics,
    teamKnowledge,
    vscode.languages.registerCodeActionsProvider(MARKDOWN, addTermCodeActionProvider(session), { providedCodeActionKinds: [vscode.CodeActionKind.Empty] }),
    vscode.commands.registerCommand(Commands.addToWorkspaceKnowledge, (term?: unknown) => guard(log, 'add to workspace knowledge', () => newTerm(typeof term === 'string' ? term : undefined))),
    vscode.commands.registerCommand(Commands.newTerm, () => guard(log, 'new term', () => newTerm())),
    vscode.commands.registerCommand(Commands.suppressTerm, () => guard(log, 'suppress term', () => suppressTerm(session))),
    readingGrade,
    vscode.commands.registerCommand(Commands.showReadingReport, (uri?: unknown) => guard(log, 'reading report', () => showReadingReport(session, uri instanceof vscode.Uri ? uri : undefined))),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, codeActionProvider(session, diagnostics), CODE_ACTION_METADATA),
    vscode.languages.registerHoverProvider(MARKDOWN, hoverProvider(session)),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, completionProvider(session)),
    vscode.workspace.registerTextDocumentContentProvider(VIEW_SCHEME, viewContentProvider(session)),
    vscode.commands.registerCommand(Commands.lookUpTerm, (query?: unknown) => lookUpTerm(session, typeof query === 'string' ? query : '')),
    vscode.commands.registerCommand(Commands.lookUpTermAtCursor, () => lookUpTermAtCursor(session)),
    vscode.commands.registerCommand(Commands.openEntry, async (id: unknown) => {
      const kb = await session.load();
      if (typeof id === 'string' && kb.get(id)) await openEntry(id);
      else log.warn(`Open entry: no entry with id ${JSON.stringify(id)}.`);
    }),
    vscode.commands.registerCommand(Commands.showAbout, showAbout),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, snippetCompletionProvider(session), '/'),
    vscode.languages.registerCodeLensProvider(MARKDOWN, snippetCodeLensProvider(session, diagnostics)),
    vscode.commands.registerCommand(Commands.insertSnippet, (args?: unknown) => insertSnippet(session, insertArgs(args))),
    vscode.commands.registerCommand(Commands.compareSnippet, (uri: string, fix) => guard(log, 'compare snippet', () => compareSnippet(uri, fix))),
    vscode.commands.registerCommand(Commands.applySnippetFix, (uri: string, version: number, fix) => guard(log, 'snippet fix', () => applySnippetFix(uri, version, fix))),
    vscode.commands.registerCommand(Commands.showSnippet, (id: unknown) => (typeof id === 'string' ? showSnippet(id) : undefined)),
  );
  context.subscriptions.push(refreshPreviewOnSettingChange());
  return { analysisPacing: (uri) => session.pacingOf(uri), readingGradeStatus: () => readingGrade.shown, extendMarkdownIt: extendMarkdownIt(session) };
}

/**
 * What the extension exports (`vscode.extensions.getExtension('medterms.medterms').exports`):
 * how the analysis of an open document shared the extension host, for support and tests.
 */
export interface MedTermsApi {
  analysisPacing(uri: vscode.Uri): AnalysisPacing | undefined;
  /** What the reading-grade status bar item shows now (for the active Markdown editor), or `undefined` while it is hidden. */
  readingGradeStatus(): ReadingGradeStatus | undefined;
  /** VS Code's Markdown preview calls it (`markdown.markdownItPlugins`): marks the medical terms of the preview (see `extendMarkdownIt` in preview.ts). */
  extendMarkdownIt(md: MarkdownItInstance): MarkdownItInstance;
}

export function deactivate(): void {}

/** The arguments of `medterms.insertSnippet` (scriptable, and given by hover links), checked. */
function insertArgs(value: unknown): InsertSnippetArgs {
  const { id, term, line } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    id: typeof id === 'string' ? id : undefined,
    term: typeof term === 'string' ? term : undefined,
    line: Number.isInteger(line) && (line as number) >= 0 ? (line as number) : undefined,
  };
}
