import { linkDestination } from '../core';
import { Commands } from './constants';

/** The commands a card may link to: only our own, each with a check of its arguments. */
const LINKABLE = {
  [Commands.openEntry]: (args: readonly unknown[]) => args.length === 1 && isEntryId(args[0]),
  [Commands.insertSnippet]: (args: readonly unknown[]) => args.length === 1 && isInsertSnippetArgs(args[0]),
} as const;

/** The commands {@link commandLink} links to; a hover trusts exactly these. */
export type LinkableCommand = keyof typeof LINKABLE;
export const LINKABLE_COMMANDS = Object.keys(LINKABLE) as LinkableCommand[];

// An entry id as the knowledge-base schema allows it (kebab-case).
const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isEntryId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 200 && ENTRY_ID.test(value);
}

function isInsertSnippetArgs(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { term, line, id, ...rest } = value as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    (term === undefined || isEntryId(term)) &&
    (id === undefined || isEntryId(id)) &&
    (line === undefined || (Number.isSafeInteger(line) && (line as number) >= 0))
  );
}

/**
 * A `command:` link that runs one of our own commands with JSON arguments, or `undefined` when
 * the command is not one a card may link to or its arguments are not what that command takes
 * (an entry id that is not kebab-case, an unknown field, a negative line): the card then shows
 * plain text. The arguments are percent-encoded completely — parentheses and quotes included —
 * so the link cannot end early in Markdown.
 */
export function commandLink(command: LinkableCommand, ...args: unknown[]): string | undefined {
  const valid = Object.prototype.hasOwnProperty.call(LINKABLE, command) ? LINKABLE[command] : undefined;
  if (!valid || !valid(args)) return undefined;
  return linkDestination(`command:${command}?${encodeURIComponent(JSON.stringify(args))}`);
}
