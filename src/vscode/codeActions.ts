import * as vscode from 'vscode';
import { partitionPoint, type StyleFinding, type StyleFix } from '../core';
import { rangeOf } from './adapters';
import { DIAGNOSTICS } from './constants';
import type { StyleDiagnostics } from './diagnostics';
import { guard } from './log';
import { snippetCodeActions } from './snippets';
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
        const findings = await diagnostics.findings(doc);
        return ours.flatMap((diagnostic) => {
          const finding = sameFinding(findings, doc.offsetAt(diagnostic.range.start), doc.offsetAt(diagnostic.range.end), diagnostic.code);
          if (!finding) return [];
          if (finding.rule.startsWith('snippet-')) return snippetCodeActions(doc, diagnostic, finding.fixes);
          return finding.fixes.map((fix, i) => quickFix(doc, diagnostic, fix, i === 0));
        });
      });
    },
  };
}

/**
 * The finding at exactly `[start, end)` under `rule`. Findings are sorted by start but may
 * overlap (a snippet block's findings contain others), so the search finds the first that
 * starts there and looks along those that start at the same place.
 */
function sameFinding(findings: readonly StyleFinding[], start: number, end: number, rule: unknown): StyleFinding | undefined {
  let i = partitionPoint(findings.length, (k) => findings[k].start < start);
  for (; i < findings.length && findings[i].start === start; i++) if (findings[i].end === end && findings[i].rule === rule) return findings[i];
  return undefined;
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
