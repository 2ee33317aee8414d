import * as vscode from 'vscode';
import { termMarks, type MarkdownItInstance } from '../core';
import { SETTINGS_SECTION, Settings, VIEW_SCHEME } from './constants';
import type { Session } from './session';
import { settings } from './settings';

/** VS Code's command that re-renders open Markdown previews. */
const REFRESH_PREVIEW = 'markdown.preview.refresh';

/**
 * The extension's `extendMarkdownIt`: VS Code's Markdown preview marks the medical terms of the
 * text, the plain definition as a tooltip (see `termMarks`), unless
 * `medterms.preview.highlightTerms` is off. The preview renders synchronously, so it uses the
 * knowledge base once loaded; a preview rendered before that shows the text unmarked, starts the
 * load, and is refreshed when it is done. MedTerms' own entry and About views are left as they
 * are: they explain their terms already.
 */
export function extendMarkdownIt(session: Session): (md: MarkdownItInstance) => MarkdownItInstance {
  let loadStarted = false;
  const kb = () => {
    const loaded = session.loaded;
    if (!loaded && !loadStarted) {
      loadStarted = true;
      void session.load().then(() => vscode.commands.executeCommand(REFRESH_PREVIEW), (err) => session.log.error('refreshing the Markdown preview failed', err));
    }
    return loaded;
  };
  return (md) => md.use(termMarks, { kb, enabled: (env: unknown) => settings().previewHighlightTerms && !isOwnView(env) });
}

/** Whether the render is of one of MedTerms' read-only views (VS Code's render environment names the document). */
function isOwnView(env: unknown): boolean {
  const document = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
  return document instanceof vscode.Uri && document.scheme === VIEW_SCHEME;
}

/** Refreshes open previews when `medterms.preview.highlightTerms` changes, so marks come and go at once. */
export function refreshPreviewOnSettingChange(): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(`${SETTINGS_SECTION}.${Settings.previewHighlightTerms}`)) void vscode.commands.executeCommand(REFRESH_PREVIEW);
  });
}
