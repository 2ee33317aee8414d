import * as vscode from 'vscode';
import { blockInsertion, byTitle, insertionRefusal, findMarkedBlocks, isoDate, markedSnippet, plainLabel, renderSnippetCard, snippetReviewText, snippetState, type Snippet, type StyleFix } from '../core';
import { rangeOf } from './adapters';
import { Commands } from './constants';
import type { StyleDiagnostics } from './diagnostics';
import { guard } from './log';
import type { Session } from './session';
import { settings } from './settings';
import { closeView, comparisonUris, snippetUri } from './views';

/** What `medterms.insertSnippet` may be given: a snippet to insert, or a term to pick a snippet about. */
export interface InsertSnippetArgs {
  /** Insert this snippet without asking. */
  readonly id?: string;
  /** Offer only snippets about this entry (from a hover card). */
  readonly term?: string;
  /** Insert after the paragraph of this zero-based line (from a hover card) rather than at the cursor. */
  readonly line?: number;
}

interface SnippetPick extends vscode.QuickPickItem {
  readonly snippet?: Snippet;
}

/**
 * `MedTerms: Insert Vetted Snippet…` — a QuickPick of the library's snippets, those about the
 * terms of the current article first, each showing its title, status, version and review date,
 * with the active one previewed beside the editor. The chosen snippet is inserted as one
 * undoable edit, as a VS Code snippet (tab through its slots), wrapped in provenance markers
 * unless `medterms.snippets.markers` is off. Drafts and overdue snippets are labelled, and
 * refused when the settings say so; retired ones are never offered.
 * @returns the inserted snippet's id, or `undefined` when nothing was inserted.
 */
export async function insertSnippet(session: Session, args: InsertSnippetArgs = {}): Promise<string | undefined> {
  await session.load();
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('MedTerms: open a Markdown article to insert a vetted snippet into.');
    return undefined;
  }
  const library = session.snippets;
  const snippet = args.id ? library.get(args.id) : await pickSnippet(session, editor.document, args.term);
  if (!snippet) {
    if (args.id) session.log.warn(`Insert snippet: no snippet with id ${JSON.stringify(args.id)}.`);
    return undefined;
  }
  const refusal = refusalOf(snippet, editor.document);
  if (refusal) {
    void vscode.window.showWarningMessage(refusal);
    return undefined;
  }
  const markers = settings(editor.document).snippetMarkers;
  const doc = editor.document;
  const text = doc.getText();
  // From a hover: after the paragraph of the hovered line. Otherwise at the cursor or selection.
  const fromHover = args.line !== undefined && args.line < doc.lineCount;
  const at = fromHover ? doc.offsetAt(doc.lineAt(args.line!).range.end) : doc.offsetAt(editor.selection.start);
  const place = blockInsertion(text, at, fromHover ? at : doc.offsetAt(editor.selection.end));
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const block = markedSnippet(snippet, eol, markers).snippet;
  const inserted = await editor.insertSnippet(new vscode.SnippetString(place.before + block + place.after), rangeOf(doc, place), { undoStopBefore: true, undoStopAfter: true });
  return inserted ? snippet.id : undefined;
}

/** Why a snippet may not be inserted under the document's settings, or `undefined` when it may. */
function refusalOf(snippet: Snippet, doc: vscode.TextDocument): string | undefined {
  const { snippetAllowDrafts, snippetAllowOverdue } = settings(doc);
  const refusal = insertionRefusal(snippet, { allowDrafts: snippetAllowDrafts, allowOverdue: snippetAllowOverdue, today: isoDate(new Date()) });
  return refusal && `MedTerms: ${refusal}`;
}

/**
 * The library's snippets for a document, best first: retired ones left out; those about the
 * terms it uses first (the more often, the higher), then the rest by title. With `term`, only
 * the snippets about that entry (or every snippet, if none is).
 */
export async function snippetsFor(session: Session, doc: vscode.TextDocument, term?: string): Promise<{ about: Snippet[]; others: Snippet[] }> {
  const library = session.snippets;
  const offered = term && library.about(term).length > 0 ? [...library.about(term)] : library.all.filter((s) => s.status !== 'retired');
  const uses = new Map<string, number>();
  for (const hit of (await session.terms(doc)).hits) uses.set(hit.entryId, (uses.get(hit.entryId) ?? 0) + 1);
  // The main term counts double: a snippet about MS beats one that mentions MS among others.
  const relevance = (s: Snippet) => s.terms.reduce((sum, id, i) => sum + (uses.get(id) ?? 0) * (i === 0 ? 2 : 1), 0);
  const scored = offered.map((s) => ({ s, r: relevance(s) }));
  const about = scored.filter((x) => x.r > 0).sort((a, b) => b.r - a.r || byTitle(a.s, b.s)).map((x) => x.s);
  const others = scored.filter((x) => x.r === 0).map((x) => x.s);
  return { about, others };
}

async function pickSnippet(session: Session, doc: vscode.TextDocument, term?: string): Promise<Snippet | undefined> {
  const { about, others } = await snippetsFor(session, doc, term);
  const today = isoDate(new Date());
  const item = (snippet: Snippet): SnippetPick => {
    const labels = [snippet.status === 'draft' ? '$(warning) draft' : '', snippet.reviewDue < today ? '$(warning) review overdue' : ''].filter(Boolean);
    const names = snippet.terms.map((id) => session.kb.get(id)?.name ?? id).join(', ');
    return {
      snippet,
      label: plainLabel(snippet.title),
      description: [plainLabel(snippetState(snippet, today)), ...labels].join(' · '),
      detail: plainLabel(`About ${names}. ${snippetReviewText(snippet)}`),
    };
  };
  const separator = (label: string): SnippetPick => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const pick = vscode.window.createQuickPick<SnippetPick>();
  pick.title = 'Insert Vetted Snippet';
  pick.placeholder = 'Search snippets by title or term; the highlighted one is previewed beside the editor';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = [
    ...(about.length ? [separator('About terms in this article'), ...about.map(item)] : []),
    ...(others.length ? [separator(about.length ? 'Other snippets' : 'Snippets'), ...others.map(item)] : []),
  ];
  const preview = new SnippetPreview();
  pick.onDidChangeActive((active) => {
    const snippet = active[0]?.snippet;
    if (snippet) void preview.show(snippet);
  });
  return new Promise((resolve) => {
    let chosen: Snippet | undefined;
    pick.onDidAccept(() => {
      chosen = pick.activeItems[0]?.snippet;
      pick.hide();
    });
    pick.onDidHide(async () => {
      pick.dispose();
      await preview.close();
      resolve(chosen);
    });
    pick.show();
  });
}

/** The picker's preview: the active snippet's view, beside the editor, without taking focus. */
class SnippetPreview {
  #shown: vscode.Uri | undefined;
  #pending = Promise.resolve();

  show(snippet: Snippet): Promise<void> {
    // One at a time, in order: arrowing quickly through the list must end on the last one.
    this.#pending = this.#pending.then(async () => {
      const uri = snippetUri(snippet.id);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
      this.#shown = uri;
    });
    return this.#pending.catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.#pending.catch(() => undefined);
    if (this.#shown) await closeView(this.#shown);
  }
}

/**
 * Shows a fix of a snippet finding as a diff (the text now → the text after the fix), read-only.
 * Used by *Compare with the vetted text* and before any fix that replaces a block.
 */
export async function compareSnippet(uri: string, fix: StyleFix, title = 'Compare with the vetted text'): Promise<vscode.Uri> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const [left, right] = comparisonUris(doc.getText(rangeOf(doc, fix)), fix.replacement);
  await vscode.commands.executeCommand('vscode.diff', left, right, `MedTerms: ${title}`, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  return right;
}

/**
 * A snippet fix that replaces a block (*Update to v4*, *Replace with the vetted text*): the diff
 * first, then the writer confirms; applied as one undoable edit only if the document has not
 * changed since the fix was offered.
 * @returns whether the fix was applied.
 */
export async function applySnippetFix(uri: string, version: number, fix: StyleFix): Promise<boolean> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (!doc || doc.version !== version) {
    void vscode.window.showInformationMessage('MedTerms: the document changed since this fix was offered; try the fix again.');
    return false;
  }
  const diff = await compareSnippet(uri, fix, fix.title);
  const answer = await vscode.window.showQuickPick([{ label: fix.title, apply: true }, { label: 'Cancel', apply: false }], {
    title: 'MedTerms: apply this change?',
    placeHolder: 'The diff beside shows the text now (left) and after the change (right).',
  });
  await closeView(diff);
  if (!answer?.apply || doc.version !== version) return false;
  const editor = await vscode.window.showTextDocument(doc);
  return editor.insertSnippet(new vscode.SnippetString(fix.snippet ?? escapeSnippet(fix.replacement)), rangeOf(doc, fix), { undoStopBefore: true, undoStopAfter: true });
}

/** Plain text as VS Code snippet syntax that inserts it literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** A code action for a snippet fix: a snippet edit, or, for a block replacement, a preview first. */
export function snippetCodeActions(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic, fixes: readonly StyleFix[]): vscode.CodeAction[] {
  const actions = fixes.map((fix, i) => {
    const action = new vscode.CodeAction(fix.preview ? `${fix.title}…` : fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = i === 0 && !fix.preview;
    if (fix.preview) action.command = { title: fix.title, command: Commands.applySnippetFix, arguments: [doc.uri.toString(), doc.version, fix] };
    else {
      action.edit = new vscode.WorkspaceEdit();
      if (fix.snippet) action.edit.set(doc.uri, [vscode.SnippetTextEdit.replace(rangeOf(doc, fix), new vscode.SnippetString(fix.snippet))]);
      else action.edit.replace(doc.uri, rangeOf(doc, fix), fix.replacement);
    }
    return action;
  });
  // Any fix towards vetted text can be compared first.
  const towardsVetted = fixes.find((f) => f.snippet);
  if (towardsVetted) {
    const compare = new vscode.CodeAction('Compare with the vetted text', vscode.CodeActionKind.QuickFix);
    compare.diagnostics = [diagnostic];
    compare.command = { title: compare.title, command: Commands.compareSnippet, arguments: [doc.uri.toString(), towardsVetted] };
    actions.push(compare);
  }
  return actions;
}

/**
 * A CodeLens above each marked snippet block: its title and state ("vetted · v3 · review due
 * 2027-06-01"), opening the snippet; and, when the block was edited or is outdated, the fix and
 * a comparison with the vetted text.
 */
export function snippetCodeLensProvider(session: Session, diagnostics: StyleDiagnostics): vscode.CodeLensProvider {
  return {
    provideCodeLenses(doc) {
      if (!settings(doc).snippetCodeLens) return undefined;
      if (!doc.getText().includes('medterms:snippet')) return undefined;
      return guard(session.log, 'code lens', async () => {
        await session.load();
        const { blocks } = findMarkedBlocks(doc.getText());
        const findings = await diagnostics.findings(doc);
        const today = isoDate(new Date());
        return blocks.flatMap((block) => {
          const range = rangeOf(doc, block.open);
          const snippet = session.snippets.get(block.id);
          if (!snippet) return [new vscode.CodeLens(range, { title: `$(warning) Unknown snippet “${block.id}”`, command: '' })];
          const inserted = session.snippets.version(block.id, block.version) ?? snippet;
          const state = snippetState({ ...snippet, version: inserted.version, status: snippet.status }, today);
          const lenses = [new vscode.CodeLens(range, { title: `$(verified) ${plainLabel(`${snippet.title} · ${state} · ${snippet.review}`)}`, tooltip: snippetReviewText(snippet), command: Commands.showSnippet, arguments: [snippet.id] })];
          for (const finding of findings.filter((f) => f.start >= block.start && f.end <= block.end && (f.rule === 'snippet-edited' || f.rule === 'snippet-outdated'))) {
            const fix = finding.fixes[0];
            if (!fix) continue;
            const label = finding.rule === 'snippet-edited' ? '$(edit) Edited here' : `$(arrow-up) v${snippet.version} available`;
            lenses.push(new vscode.CodeLens(range, { title: label, tooltip: finding.message, command: Commands.compareSnippet, arguments: [doc.uri.toString(), fix] }));
            lenses.push(new vscode.CodeLens(range, { title: fix.title, command: Commands.applySnippetFix, arguments: [doc.uri.toString(), doc.version, { ...fix, preview: true }] }));
          }
          return lenses;
        });
      });
    },
  };
}

// `/snippet` on a line of its own (optionally followed by words to filter by), as chat and
// block editors offer slash commands; `/` alone starts it.
const SLASH_COMMAND = /^([ \t]*)\/(?:s(?:n(?:i(?:p(?:p(?:e(?:t)?)?)?)?)?)?)?(?:[ \t][^\n]*)?$/;

/** Whether the text before the cursor on its line is the `/snippet` command being typed. */
export function typingSlashCommand(lineBefore: string): boolean {
  return SLASH_COMMAND.test(lineBefore);
}

interface SnippetCompletionItem extends vscode.CompletionItem {
  readonly snippetId: string;
}

/**
 * Completion of `/snippet` on a line of its own in prose: the library's snippets, those about
 * the article's terms first; accepting one replaces the command with the marked snippet (slots
 * to tab through). Documentation (the snippet's card) is rendered only for the item shown.
 */
export function snippetCompletionProvider(session: Session): vscode.CompletionItemProvider<SnippetCompletionItem> {
  return {
    provideCompletionItems(doc, position) {
      const before = doc.lineAt(position.line).text.slice(0, position.character);
      const typed = SLASH_COMMAND.exec(before);
      if (!typed) return undefined;
      return guard(session.log, 'snippet completion', async () => {
        await session.load();
        const offset = doc.offsetAt(position);
        if (!(await session.inProse(doc, offset - 1)) && !(await session.inProse(doc, offset))) return undefined;
        const start = position.with(undefined, typed[1].length);
        const place = blockInsertion(doc.getText(), doc.offsetAt(start), doc.offsetAt(doc.lineAt(position.line).range.end));
        const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
        const markers = settings(doc).snippetMarkers;
        const { about, others } = await snippetsFor(session, doc);
        const today = isoDate(new Date());
        return [...about, ...others]
          .filter((s) => !refusalOf(s, doc))
          .map((snippet, rank): SnippetCompletionItem => {
            const names = snippet.terms.map((id) => session.kb.get(id)?.name ?? id).join(' ');
            return {
              snippetId: snippet.id,
              label: { label: snippet.title, description: snippetState(snippet, today) },
              // Not `Snippet`: Markdown's snippet suggestions are off by default (package.json's
              // configurationDefaults), which would hide these too.
              kind: vscode.CompletionItemKind.Reference,
              detail: `Vetted snippet · ${snippet.review}`,
              // VS Code filters on what was typed since the slash; titles and terms both count.
              filterText: `/snippet ${snippet.title} ${names}`,
              sortText: String(rank).padStart(4, '0'),
              range: new vscode.Range(start, doc.positionAt(place.end)),
              insertText: new vscode.SnippetString(place.before + markedSnippet(snippet, eol, markers).snippet + place.after),
            };
          });
      });
    },
    resolveCompletionItem(item) {
      const snippet = session.snippets.get(item.snippetId);
      if (snippet) item.documentation = new vscode.MarkdownString(renderSnippetCard(snippet, session.kb, isoDate(new Date())));
      return item;
    },
  };
}

/** `medterms.showSnippet` — opens a snippet's card and text read-only beside the editor. */
export async function showSnippet(id: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(snippetUri(id));
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}
