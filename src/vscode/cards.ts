import * as vscode from 'vscode';
import { escape, renderCard, writtenName, type Entry, type KnowledgeBase } from '../core';
import type { InsertSnippetArgs } from './snippets';
import { Commands } from './constants';
import { commandLink, LINKABLE_COMMANDS } from './commandLinks';

export { commandLink } from './commandLinks';

/**
 * The card for a hover or completion: the core's card, with related terms and an *Open entry*
 * action linked to our commands, and — given `snippetsAt` — *Insert snippet about …* when the
 * library has snippets about the entry (inserted after the paragraph of line `snippetsAt.line`).
 * Only those two commands are trusted, and `commandLink` makes a link only with arguments they
 * take; KB text is escaped by the core, so it cannot form a link of its own.
 */
export function cardMarkdown(entry: Entry, kb: KnowledgeBase, snippetsAt?: { readonly line: number }): vscode.MarkdownString {
  const card = renderCard(entry, kb, { linkToEntry: (id) => commandLink(Commands.openEntry, id) });
  const actions: string[] = [];
  const open = commandLink(Commands.openEntry, entry.id);
  if (open) actions.push(`[Open entry](${open})`);
  if (snippetsAt && kb.snippets.about(entry.id).length > 0) {
    const args: InsertSnippetArgs = { term: entry.id, line: snippetsAt.line };
    const insert = commandLink(Commands.insertSnippet, args);
    if (insert) actions.push(`[Insert snippet about ${escape(writtenName(entry))}](${insert})`);
  }
  const md = new vscode.MarkdownString(actions.length ? `${card}\n\n${actions.join(' · ')}` : card);
  md.isTrusted = { enabledCommands: [...LINKABLE_COMMANDS] };
  return md;
}
