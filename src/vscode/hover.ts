import * as vscode from 'vscode';
import { rangeOf } from './adapters';
import { cardMarkdown } from './cards';
import { guard } from './log';
import type { Session } from './session';
import { settings } from './settings';

/** Shows an entry's card when the pointer rests on a recognised term. */
export function hoverProvider(session: Session): vscode.HoverProvider {
  return {
    provideHover(doc, position) {
      if (!settings(doc).hoverEnabled) return undefined;
      return guard(session.log, 'hover', async () => {
        await session.load();
        const hit = await session.termAt(doc, position);
        const entry = hit && session.kb.get(hit.entryId);
        if (!hit || !entry) return undefined;
        return new vscode.Hover(cardMarkdown(entry, session.kb, { line: position.line }), rangeOf(doc, hit));
      });
    },
  };
}
