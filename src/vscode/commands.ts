import * as vscode from 'vscode';
import { plainLabel, writtenName, type SearchResult } from '../core';
import { ABOUT_URI, openEntry, showRendered } from './views';
import type { Session } from './session';

const PICK_LIMIT = 50;

interface EntryPick extends vscode.QuickPickItem {
  readonly id: string;
}

/**
 * `MedTerms: Look Up Term…` — a QuickPick that fuzzy-searches names, synonyms, lay terms,
 * abbreviations and codes as the writer types; choosing an entry opens it beside the editor.
 * @param initialQuery pre-fills the box (used by look-up at cursor, and scriptable).
 * @returns the chosen entry's id, or `undefined` when the picker was dismissed.
 */
export async function lookUpTerm(session: Session, initialQuery = ''): Promise<string | undefined> {
  await session.load();
  const pick = vscode.window.createQuickPick<EntryPick>();
  pick.placeholder = 'Search medical terms by name, synonym, lay term, abbreviation or code (e.g. G35)';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const update = (query: string) => {
    pick.items = session.kb.search.search(query, PICK_LIMIT).map((r) => toPick(session, r));
    if (pick.items.length > 0) pick.activeItems = [pick.items[0]];
  };
  pick.onDidChangeValue(update);
  pick.value = initialQuery;
  update(initialQuery);
  return new Promise((resolve) => {
    let chosen: EntryPick | undefined;
    pick.onDidAccept(() => {
      chosen = pick.activeItems[0];
      pick.hide();
    });
    // Hiding ends every session, accepted or dismissed, so the answer is given here only.
    pick.onDidHide(async () => {
      pick.dispose();
      if (chosen) await openEntry(chosen.id);
      resolve(chosen?.id);
    });
    pick.show();
  });
}

function toPick(session: Session, result: SearchResult): EntryPick {
  const entry = session.kb.get(result.id)!;
  const icd = entry.codes?.icd10cm ? ` · ICD-10-CM ${entry.codes.icd10cm}` : '';
  const abbreviations = entry.abbreviations?.length ? ` (${entry.abbreviations.join(', ')})` : '';
  return {
    id: entry.id,
    // Knowledge-base text as written: no `$(icon)` of its own, one line.
    label: plainLabel(`${writtenName(entry)}${abbreviations}`),
    description: plainLabel(`${entry.kind}${icd}`),
    detail: result.matched !== entry.name ? plainLabel(`matches “${result.matched}”`) : entry.definition && plainLabel(entry.definition),
    // Our fuzzy search already chose these; VS Code's own filter would drop misspellings.
    alwaysShow: true,
  };
}

/**
 * `MedTerms: Look Up Term at Cursor` — opens the entry of the term under the cursor; when the
 * word there is not a known term, opens the look-up pre-filled with it.
 * @returns the opened entry's id, or `undefined`.
 */
export async function lookUpTermAtCursor(session: Session): Promise<string | undefined> {
  await session.load();
  const editor = vscode.window.activeTextEditor;
  if (!editor) return lookUpTerm(session);
  const { document, selection } = editor;
  const hit = await session.termAt(document, selection.active);
  if (hit) {
    await openEntry(hit.entryId);
    return hit.entryId;
  }
  const selected = document.getText(selection);
  const word = selected || document.getText(document.getWordRangeAtPosition(selection.active) ?? selection);
  const exact = word ? session.kb.resolve(word) : undefined;
  if (exact) {
    await openEntry(exact.id);
    return exact.id;
  }
  return lookUpTerm(session, word);
}

/** `MedTerms: About the Knowledge Base` — sources, versions and licences, rendered. */
export async function showAbout(): Promise<void> {
  await showRendered(ABOUT_URI, false);
}
