import * as vscode from 'vscode';
import { renderCard, type Entry, type KnowledgeBase } from '../core';
import { Commands } from './constants';

/** A `command:` link that runs one of our own commands with JSON arguments. */
export function commandLink(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/**
 * The card for a hover or completion: the core's card, with related terms and an *Open entry*
 * action linked to our commands. Only those commands are trusted; KB text is escaped by the core.
 */
export function cardMarkdown(entry: Entry, kb: KnowledgeBase): vscode.MarkdownString {
  const card = renderCard(entry, kb, { linkToEntry: (id) => commandLink(Commands.openEntry, id) });
  const md = new vscode.MarkdownString(`${card}\n\n[Open entry](${commandLink(Commands.openEntry, entry.id)})`);
  md.isTrusted = { enabledCommands: [Commands.openEntry] };
  return md;
}
