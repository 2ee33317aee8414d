import * as vscode from 'vscode';
import { completeAt, formKey, type Entry } from '../core';
import { cardMarkdown } from './cards';
import { guard } from './log';
import type { Session } from './session';
import { settings } from './settings';
import { typingSlashCommand } from './snippets';

interface TermCompletionItem extends vscode.CompletionItem {
  readonly entryId: string;
}

/**
 * Completes knowledge-base terms in Markdown prose, forgiving misspellings. The core decides
 * which typed words belong to the term and ranks the entries (`completeAt`, as `medterms
 * complete` does); this only adapts its answer. Every item replaces the same range and filters
 * on the same text, so VS Code's own fuzzy score is equal for all and cannot reorder what the
 * core ranked: its `sortText` decides. The card is rendered only for the item VS Code shows.
 */
export function completionProvider(session: Session): vscode.CompletionItemProvider<TermCompletionItem> {
  return {
    provideCompletionItems(doc, position) {
      if (!settings(doc).completionEnabled) return undefined;
      return guard(session.log, 'completion', async () => {
        await session.load();
        const before = doc.lineAt(position.line).text.slice(0, position.character);
        if (typingSlashCommand(before) || !(await session.inProse(doc, doc.offsetAt(position)))) return undefined; // `/snippet …`: the snippet completion's
        const answer = completeAt(session.kb.search, before);
        // Nothing yet (one letter, a function word): an empty list that is incomplete, so VS Code
        // asks again at the next keystroke of this word instead of showing only other results.
        if (!answer) return new vscode.CompletionList([], true);
        const range = new vscode.Range(position.with(undefined, answer.replaceStart), position);
        const items = answer.items.map((result, rank): TermCompletionItem => {
          const entry = session.kb.get(result.id)!;
          // A lay term inserted (`pins and needles`) names its entry beside it: `(paresthesia)`.
          const layWording = formKey(result.text) !== formKey(result.writtenName);
          return {
            entryId: entry.id,
            label: { label: result.text, detail: layWording ? ` (${result.writtenName})` : undefined, description: entry.kind },
            kind: kindIcon(entry),
            range,
            filterText: answer.query,
            sortText: String(rank).padStart(3, '0'),
            detail: formKey(result.matched) !== formKey(result.text) ? `matches “${result.matched}”` : undefined,
          };
        });
        // Incomplete: the next keystroke asks again, since fuzzy results change with each letter.
        return new vscode.CompletionList(items, true);
      });
    },
    resolveCompletionItem(item) {
      const entry = session.kb.get(item.entryId);
      if (entry) item.documentation = cardMarkdown(entry, session.kb);
      return item;
    },
  };
}

function kindIcon(entry: Entry): vscode.CompletionItemKind {
  switch (entry.kind) {
    case 'condition':
      return vscode.CompletionItemKind.Class;
    case 'symptom':
      return vscode.CompletionItemKind.Event;
    case 'test':
      return vscode.CompletionItemKind.Function;
    case 'treatment':
      return vscode.CompletionItemKind.Method;
    case 'anatomy':
      return vscode.CompletionItemKind.Struct;
  }
}
