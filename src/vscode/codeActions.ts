import * as vscode from 'vscode';
import { hitAt, type StyleFix } from '../core';
import { rangeOf } from './adapters';
import { DIAGNOSTICS } from './constants';
import type { StyleDiagnostics } from './diagnostics';
import { guard } from './log';
import type { Session } from './session';

/**
 * Quick fixes for MedTerms diagnostics: each fix of the finding behind a diagnostic becomes a
 * workspace edit, so the document changes only when the writer picks one, and undo reverts it.
 * The first fix is the preferred one. A diagnostic left over from an older version of the
 * document gets no fix: its finding must still be there, at the same place, in this version.
 */
export function codeActionProvider(session: Session, diagnostics: StyleDiagnostics): vscode.CodeActionProvider {
  return {
    provideCodeActions(doc, _range, context) {
      const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTICS.source);
      if (ours.length === 0) return undefined;
      return guard(session.log, 'code actions', async () => {
        await session.load();
        const findings = diagnostics.findings(doc);
        return ours.flatMap((diagnostic) => {
          const start = doc.offsetAt(diagnostic.range.start);
          const finding = hitAt(findings, start);
          const same = finding?.start === start && finding.end === doc.offsetAt(diagnostic.range.end) && finding.rule === diagnostic.code;
          return same ? finding.fixes.map((fix, i) => quickFix(doc, diagnostic, fix, i === 0)) : [];
        });
      });
    },
  };
}

/** The kinds of action the provider gives, for its registration. */
export const CODE_ACTION_METADATA: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

function quickFix(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic, fix: StyleFix, preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(doc.uri, rangeOf(doc, fix), fix.replacement);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  return action;
}
