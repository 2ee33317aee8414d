import * as vscode from 'vscode';
import { casedAt, searchForm, type Entry, type SearchResult } from '../core';
import { Settings, SETTINGS_SECTION } from './constants';
import { cardMarkdown } from './cards';
import { guard } from './log';
import { typingSlashCommand } from './snippets';
import type { Session } from './session';

const MAX_ITEMS = 20;
// How far each extra typed word that still matches moves an entry up the list (Fuse score units).
const PER_EXTRA_WORD = 0.1;
// The words before the cursor that a term may start at: up to four, joined by spaces or hyphens.
const TRAILING_WORDS = /(?:[\p{L}\p{N}'’]+[ \t-]+){0,3}[\p{L}\p{N}'’]+$/u;

/**
 * Completes knowledge-base terms in Markdown prose, forgiving misspellings: the last one to
 * four words before the cursor are each tried as a query (`pins and nee`, `carpel tun`,
 * `rhuem`), and the best entries win. The item inserts the canonical spelling over the words
 * it replaces; its documentation is the card.
 */
export function completionProvider(session: Session): vscode.CompletionItemProvider {
  return {
    provideCompletionItems(doc, position) {
      if (!vscode.workspace.getConfiguration(SETTINGS_SECTION, doc).get<boolean>(Settings.completionEnabled, true)) return undefined;
      return guard(session.log, 'completion', async () => {
        await session.load();
        const before = doc.lineAt(position.line).text.slice(0, position.character);
        if (typingSlashCommand(before)) return undefined; // `/snippet …`: the snippet completion's
        const typed = TRAILING_WORDS.exec(before);
        if (!typed || insideInlineCode(before) || !session.inProse(doc, doc.offsetAt(position))) return undefined;
        const items = rankedCandidates(session, typed[0]).map(({ result, query }, rank) => {
          const entry = session.kb.get(result.id)!;
          const start = position.translate(0, -query.length);
          const label = casedAt(entry.name, before, before.length - query.length, query);
          const item = new vscode.CompletionItem({ label, description: entry.kind }, kindIcon(entry));
          item.range = new vscode.Range(start, position);
          // VS Code filters items by what was typed; our fuzzy match already did, so keep them all.
          item.filterText = query;
          item.sortText = String(rank).padStart(3, '0');
          item.detail = result.matched !== entry.name ? `matches “${result.matched}”` : undefined;
          item.documentation = cardMarkdown(entry, session.kb);
          return item;
        });
        // Incomplete: the next keystroke asks again, since fuzzy results change with each letter.
        return new vscode.CompletionList(items, true);
      });
    },
  };
}

/**
 * Search results for each suffix of the typed words, merged. A suffix of several words counts
 * only for entries it plausibly spells (see {@link startsLikeMatch}), and then ranks ahead of
 * what its last word alone finds — `pins and nee` means paresthesia more surely than `nee`
 * means anything. Each entry replaces the longest suffix that found it (`carpel tun`, not `tun`).
 */
function rankedCandidates(session: Session, typed: string): { result: SearchResult; query: string }[] {
  const best = new Map<string, { result: SearchResult; query: string; rank: number }>();
  const starts = [0, ...[...typed.matchAll(/[ \t-]+/g)].map((m) => m.index + m[0].length)];
  for (const start of starts) {
    const query = typed.slice(start);
    const words = query.split(/[ \t-]+/).length;
    if (query.replace(/[^\p{L}\p{N}]/gu, '').length < 2) continue;
    for (const result of session.kb.search.search(query, MAX_ITEMS)) {
      if (words > 1 && !startsLikeMatch(query, result.matched)) continue;
      const rank = result.score - PER_EXTRA_WORD * (words - 1);
      // Suffixes come longest first, so an entry keeps the longest suffix that found it.
      if (!best.has(result.id)) best.set(result.id, { result, query, rank });
      else best.get(result.id)!.rank = Math.min(best.get(result.id)!.rank, rank);
    }
  }
  return [...best.values()].sort((a, b) => a.rank - b.rank).slice(0, MAX_ITEMS);
}

/**
 * Whether a typed phrase plausibly spells the start of a matched term: its first word shares
 * the first two letters with one of the term's words, and it has no more words than the term.
 * Typos rarely hit the first two letters, and this keeps "A feeling of" out of the replacement.
 */
function startsLikeMatch(query: string, matched: string): boolean {
  const typedWords = searchForm(query).split(' ');
  const termWords = searchForm(matched).split(' ');
  const head = typedWords[0].slice(0, 2);
  return typedWords.length <= termWords.length && termWords.some((w) => w.startsWith(head));
}

/** Whether the cursor is inside an inline code span still being typed (an odd number of backticks). */
function insideInlineCode(lineBefore: string): boolean {
  return (lineBefore.match(/`/g)?.length ?? 0) % 2 === 1;
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
