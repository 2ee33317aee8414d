import * as vscode from 'vscode';
import { isoDate, renderCard, renderSnippetCard, ENTRY_KINDS, escape, type KnowledgeBase } from '../core';
import { Commands, VIEW_SCHEME } from './constants';
import { commandLink } from './cards';
import type { Session } from './session';

/** `medterms:/entry/<id>.md` — the read-only full entry, opened by look-up. */
export function entryUri(id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: VIEW_SCHEME, path: `/entry/${id}.md` });
}

/** `medterms:/snippet/<id>.md` — a snippet's card and text, read-only. */
export function snippetUri(id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: VIEW_SCHEME, path: `/snippet/${id}.md` });
}

// The texts of recent comparisons, served as `medterms:/compare/<n>/{now,vetted}.md`; only the
// last few are kept (a diff is looked at, then closed).
const comparisons = new Map<number, readonly [string, string]>();
let comparisonCount = 0;
const KEPT_COMPARISONS = 20;

/** Read-only documents for a diff of `before` (left) and `after` (right). */
export function comparisonUris(before: string, after: string): [vscode.Uri, vscode.Uri] {
  const n = ++comparisonCount;
  comparisons.set(n, [before, after]);
  comparisons.delete(n - KEPT_COMPARISONS);
  const uri = (name: string) => vscode.Uri.from({ scheme: VIEW_SCHEME, path: `/compare/${n}/${name}.md` });
  return [uri('now'), uri('vetted')];
}

/** Closes the tabs showing a view (alone or as either side of a diff). */
export async function closeView(uri: vscode.Uri): Promise<void> {
  const key = uri.toString();
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter(({ input }) =>
    input instanceof vscode.TabInputText ? input.uri.toString() === key : input instanceof vscode.TabInputTextDiff && (input.modified.toString() === key || input.original.toString() === key),
  );
  if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
}

/** `medterms:/about.md` — where the knowledge base comes from. */
export const ABOUT_URI = vscode.Uri.from({ scheme: VIEW_SCHEME, path: '/about.md' });

/** Serves the read-only views. Documents of this scheme cannot be edited or saved. */
export function viewContentProvider(session: Session): vscode.TextDocumentContentProvider {
  return {
    async provideTextDocumentContent(uri) {
      await session.load();
      if (uri.path === ABOUT_URI.path) return aboutMarkdown(session.kb);
      const compared = /^\/compare\/(\d+)\/(now|vetted)\.md$/.exec(uri.path);
      if (compared) return comparisons.get(Number(compared[1]))?.[compared[2] === 'now' ? 0 : 1] ?? 'This comparison is no longer available.';
      const snippetId = /^\/snippet\/(.+)\.md$/.exec(uri.path)?.[1];
      if (snippetId !== undefined) {
        const snippet = session.snippets.get(snippetId);
        return snippet ? renderSnippetCard(snippet, session.kb, isoDate(new Date())) : `The snippet library has no snippet "${escape(snippetId)}".`;
      }
      const id = /^\/entry\/(.+)\.md$/.exec(uri.path)?.[1];
      const entry = id ? session.kb.get(id) : undefined;
      return entry ? renderCard(entry, session.kb) : `The knowledge base has no entry "${escape(id ?? uri.path)}".`;
    },
  };
}

/** Opens an entry read-only beside the active editor. */
export async function openEntry(id: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(entryUri(id));
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

/** Sources, versions, licences and required notices, and what the knowledge base holds. */
export function aboutMarkdown(kb: KnowledgeBase): string {
  const lines = ['# About the MedTerms knowledge base', ''];
  if (kb.version) lines.push(`Version ${escape(kb.version)}.`, '');
  const counts = ENTRY_KINDS.map((kind) => `${kb.entries.filter((e) => e.kind === kind).length} ${kind}`);
  const defined = kb.entries.filter((e) => e.definition).length;
  lines.push(`${kb.entries.length} entries: ${counts.join(', ')}. ${defined} have a plain-language definition written by the MedTerms team.`, '');
  lines.push('Names, synonyms and codes come from the open sources below. Definitions, lay explanations and snippets are written by the MedTerms team in its own words, and each cites the sources it was checked against. No SNOMED CT content or ids are included.', '');
  lines.push('## Sources', '');
  for (const s of kb.sources) {
    lines.push(`### ${escape(s.name)}`, '', `Version ${escape(s.version)} · ${escape(s.licence)} · <${s.url}>`, '');
    if (s.notice) lines.push(escape(s.notice), '');
  }
  if (kb.sources.length === 0) lines.push('The knowledge base lists no external sources.', '');
  lines.push('MedTerms explains words; it does not give medical advice.', '', `[Look up a term](${commandLink(Commands.lookUpTerm)})`);
  return lines.join('\n');
}
