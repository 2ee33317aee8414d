import * as vscode from 'vscode';
import { Commands, MARKDOWN, VIEW_SCHEME } from './constants';
import { completionProvider } from './completion';
import { hoverProvider } from './hover';
import { createLog } from './log';
import { lookUpTerm, lookUpTermAtCursor, showAbout } from './commands';
import { openEntry, viewContentProvider } from './views';
import { Session } from './session';

/**
 * Wires the features to VS Code. Cheap on purpose: the knowledge base and its indexes are
 * built on first use (the first hover, completion or look-up), not here. Used unchanged by
 * the desktop and the web bundle.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  const session = new Session(log);
  context.subscriptions.push(
    log,
    session,
    vscode.languages.registerHoverProvider(MARKDOWN, hoverProvider(session)),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, completionProvider(session)),
    vscode.workspace.registerTextDocumentContentProvider(VIEW_SCHEME, viewContentProvider(session)),
    vscode.commands.registerCommand(Commands.lookUpTerm, (query?: unknown) => lookUpTerm(session, typeof query === 'string' ? query : '')),
    vscode.commands.registerCommand(Commands.lookUpTermAtCursor, () => lookUpTermAtCursor(session)),
    vscode.commands.registerCommand(Commands.openEntry, async (id: unknown) => {
      if (typeof id === 'string' && session.kb.get(id)) await openEntry(id);
      else log.warn(`Open entry: no entry with id ${JSON.stringify(id)}.`);
    }),
    vscode.commands.registerCommand(Commands.showAbout, showAbout),
  );
}

export function deactivate(): void {}
