import * as vscode from 'vscode';
import { escape, renderCard, type Entry, type KnowledgeBase } from '../core';
import type { InsertSnippetArgs } from './snippets';
import { Commands } from './constants';

/** A `command:` link that runs one of our own commands with JSON arguments. */
export function commandLink(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/**
 * The card for a hover or completion: the core's card, with related terms and an *Open entry*
 * action linked to our commands, and — given `snippetsAt` — *Insert snippet about …* when the
 * library has snippets about the entry (inserted after the paragraph of line `snippetsAt.line`).
 * Only those commands are trusted; KB text is escaped by the core.
 */
export function cardMarkdown(entry: Entry, kb: KnowledgeBase, snippetsAt?: { readonly line: number }): vscode.MarkdownString {
  const card = renderCard(entry, kb, { linkToEntry: (id) => commandLink(Commands.openEntry, id) });
  const actions = [`[Open entry](${commandLink(Commands.openEntry, entry.id)})`];
  if (snippetsAt && kb.snippets.about(entry.id).length > 0) {
    const args: InsertSnippetArgs = { term: entry.id, line: snippetsAt.line };
    actions.push(`[Insert snippet about ${escape(entry.name)}](${commandLink(Commands.insertSnippet, args)})`);
  }
  const md = new vscode.MarkdownString(`${card}\n\n${actions.join(' · ')}`);
  md.isTrusted = { enabledCommands: [Commands.openEntry, Commands.insertSnippet] };
  return md;
}
