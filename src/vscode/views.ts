import * as vscode from 'vscode';
import { isoDate, renderCard, renderSnippetCard, ENTRY_KINDS, escape, safeHttpsUrl, type KnowledgeBase } from '../core';
import { VIEW_SCHEME } from './constants';
import type { Session } from './session';

/** `medterms:/entry/<id>.md` — the read-only full entry, opened rendered by look-up. */
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

// The reading reports shown lately, served as `medterms:/reading/<n>/<name>-reading-grade.md`;
// a report is looked at, then closed, so only the last few are kept.
const readingReports = new Map<number, string>();
let readingReportCount = 0;
const KEPT_READING_REPORTS = 10;

/** A read-only view of a reading report's Markdown (see `showReadingReport`), named after the document `title`. */
export function readingReportUri(title: string, markdown: string): vscode.Uri {
  const n = ++readingReportCount;
  readingReports.set(n, markdown);
  readingReports.delete(n - KEPT_READING_REPORTS);
  return vscode.Uri.from({ scheme: VIEW_SCHEME, path: `/reading/${n}/${encodeURIComponent(title.replace(/\.md$/i, ''))}-reading-grade.md` });
}

/** Closes the tabs showing a view (alone or as either side of a diff). */
export async function closeView(uri: vscode.Uri): Promise<void> {
  const key = uri.toString();
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter(({ input }) =>
    input instanceof vscode.TabInputText ? input.uri.toString() === key : input instanceof vscode.TabInputTextDiff && (input.modified.toString() === key || input.original.toString() === key),
  );
  if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
}

/** `medterms:/about.md` — where the knowledge base comes from, opened rendered. */
export const ABOUT_URI = vscode.Uri.from({ scheme: VIEW_SCHEME, path: '/about.md' });

/** Serves the read-only views. Documents of this scheme cannot be edited or saved. */
export function viewContentProvider(session: Session): vscode.TextDocumentContentProvider {
  return {
    async provideTextDocumentContent(uri) {
      await session.load();
      if (uri.path === ABOUT_URI.path) return aboutMarkdown(session.kb);
      const reading = /^\/reading\/(\d+)\//.exec(uri.path);
      if (reading) return readingReports.get(Number(reading[1])) ?? 'This reading report is no longer available; run **MedTerms: Show Reading Grade Report** again.';
      const compared = /^\/compare\/(\d+)\/(now|vetted)\.md$/.exec(uri.path);
      if (compared) return comparisons.get(Number(compared[1]))?.[compared[2] === 'now' ? 0 : 1] ?? 'This comparison is no longer available.';
      const snippetId = /^\/snippet\/(.+)\.md$/.exec(uri.path)?.[1];
      if (snippetId !== undefined) {
        const snippet = session.snippets.get(snippetId);
        return snippet ? renderSnippetCard(snippet, session.kb, isoDate(new Date())) : `The snippet library has no snippet "${escape(snippetId)}".`;
      }
      const id = /^\/entry\/(.+)\.md$/.exec(uri.path)?.[1];
      const entry = id ? session.kb.get(id) : undefined;
      return entry ? renderCard(entry, session.kb, { linkToEntry: entryLink }) : `The knowledge base has no entry "${escape(id ?? uri.path)}".`;
    },
  };
}

/** A link from one entry to another: relative, so the Markdown preview opens it in place (renderCard encodes it for the link). */
function entryLink(id: string): string {
  return `${encodeURIComponent(id)}.md`;
}

// The tab of the entry opened last. The next look-up replaces it, as it would a preview-mode
// editor, unless the writer has pinned it.
let entryTab: vscode.Tab | undefined;

/** Opens an entry, rendered and read-only, beside the active editor. */
export async function openEntry(id: string): Promise<void> {
  const previous = entryTab;
  entryTab = await showRendered(entryUri(id), true);
  if (previous && previous !== entryTab && !previous.isPinned && vscode.window.tabGroups.all.some((g) => g.tabs.includes(previous))) {
    await vscode.window.tabGroups.close(previous, true);
  }
}

/**
 * Shows a read-only view rendered by VS Code's built-in Markdown preview, locked to that view
 * (an unlocked preview would switch to whichever Markdown file the writer edits next). Links to
 * other entries are relative, so the preview opens them in place (`markdown.preview.openMarkdownLinks`,
 * `inPreview` by default); `https:` links open in the browser. Only the escaped card Markdown is
 * shown, under the preview's own content security policy. Without the built-in Markdown
 * extension (disabled), the view opens as text.
 * @returns the view's tab, once VS Code shows it (or `undefined` if it has not within 2 s).
 */
export async function showRendered(uri: vscode.Uri, beside: boolean): Promise<vscode.Tab | undefined> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const shown = () => {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    const { input } = tab ?? {};
    return (input instanceof vscode.TabInputWebview && tab!.label.endsWith(name)) || (input instanceof vscode.TabInputText && input.uri.toString() === uri.toString()) ? tab : undefined;
  };
  try {
    if (beside) await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
    else await vscode.commands.executeCommand('markdown.showPreview', uri, undefined, { locked: true });
  } catch {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: beside ? vscode.ViewColumn.Beside : undefined, preview: true });
  }
  // The preview command returns before the preview's tab exists.
  for (const until = Date.now() + 2_000; !shown() && Date.now() < until; ) await new Promise((r) => setTimeout(r, 20));
  return shown();
}

/** Sources, versions, licences and required notices, and what the knowledge base holds. */
export function aboutMarkdown(kb: KnowledgeBase): string {
  const lines = ['# About the MedTerms knowledge base', ''];
  if (kb.version) lines.push(`Version ${escape(kb.version)}.`, '');
  const counts = ENTRY_KINDS.map((kind) => `${kb.entries.filter((e) => e.kind === kind).length} ${kind}`);
  const defined = kb.entries.filter((e) => e.definition).length;
  lines.push(`${kb.entries.length} entries: ${counts.join(', ')}. ${defined} have a plain-language definition written by the MedTerms team.`, '');
  lines.push('Names, synonyms and codes come from the open sources below. Definitions, lay explanations and snippets are written by the MedTerms team in its own words, and each cites its sources; those whose review is "written" (most medicine definitions) are not yet checked against them. No SNOMED CT content or ids are included.', '');
  lines.push('## Sources', '');
  for (const s of kb.sources) {
    const url = safeHttpsUrl(s.url);
    lines.push(`### ${escape(s.name)}`, '', `Version ${escape(s.version)} · ${withLinks(s.licence)}${url ? ` · <${url}>` : ''}`, '');
    if (s.notice) lines.push(withLinks(s.notice), '');
  }
  if (kb.sources.length === 0) lines.push('The knowledge base lists no external sources.', '');
  // The preview does not run `command:` links, so the way to look up a term is named instead.
  lines.push('MedTerms explains words; it does not give medical advice.', '', 'To look up a term, run **MedTerms: Look Up Term…** from the Command Palette.');
  return lines.join('\n');
}

/**
 * Escaped text whose `https:` URLs (checked and encoded, see `safeHttpsUrl`) become autolinks: the preview would otherwise link the
 * escaped text itself (`terms\_and\_conditions`), backslashes and all.
 */
function withLinks(text: string): string {
  return text
    .split(/(https:\/\/[^\s<>()]*[^\s<>().,;:!?'"])/)
    .map((part, i) => {
      const url = i % 2 ? safeHttpsUrl(part) : undefined;
      return url ? `<${url}>` : escape(part);
    })
    .join('');
}
