import * as vscode from 'vscode';
import { DEFAULT_SEVERITY, DEFAULT_TARGET_GRADE, RULE_SEVERITIES, STYLE_RULES, type RuleSeverity, type StyleRule } from '../core';
import { SETTINGS_SECTION, Settings } from './constants';

// The severities and their defaults live in the core: the CLI's SARIF levels and `--min-severity` read them too.
export { DEFAULT_SEVERITY, type RuleSeverity } from '../core';

/**
 * The most diagnostics shown for one document, as package.json declares it. A 10 MB document
 * can have tens of thousands of findings; handing them all to the editor would hold it for
 * seconds, and no writer reads past the first screens of a problem list.
 */
export const DEFAULT_MAX_PROBLEMS = 1000;

/** Every `medterms.*` setting, typed, as it applies to one document. */
export interface MedTermsSettings {
  readonly hoverEnabled: boolean;
  readonly completionEnabled: boolean;
  /** Each rule's severity; a value that is not one of the choices counts as the default. */
  readonly severity: Readonly<Record<StyleRule, RuleSeverity>>;
  readonly allowedAbbreviations: readonly string[];
  readonly maxProblems: number;
  /** The reading grade prose should not exceed (`medterms.readability.targetGrade`). */
  readonly targetGrade: number;
  readonly snippetMarkers: boolean;
  readonly snippetAllowDrafts: boolean;
  readonly snippetAllowOverdue: boolean;
  readonly snippetCodeLens: boolean;
  readonly previewHighlightTerms: boolean;
}

/**
 * The settings for a document (resource scope: a workspace folder may differ). The one place
 * that reads `medterms.*`; defaults here match package.json, which a test checks.
 */
export function settings(doc?: vscode.TextDocument): MedTermsSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, doc);
  const flag = (key: string, fallback: boolean) => {
    const value = config.get<unknown>(key);
    return typeof value === 'boolean' ? value : fallback;
  };
  const severity = { ...DEFAULT_SEVERITY };
  for (const rule of STYLE_RULES) {
    const value = config.get<RuleSeverity>(Settings.diagnosticSeverity[rule]);
    if (value !== undefined && RULE_SEVERITIES.includes(value)) severity[rule] = value;
  }
  const allowed = config.get<unknown>(Settings.allowedAbbreviations);
  const maxProblems = config.get<unknown>(Settings.maxProblems);
  const targetGrade = config.get<unknown>(Settings.targetGrade);
  return {
    hoverEnabled: flag(Settings.hoverEnabled, true),
    completionEnabled: flag(Settings.completionEnabled, true),
    severity,
    allowedAbbreviations: Array.isArray(allowed) ? allowed.filter((a): a is string => typeof a === 'string') : [],
    maxProblems: typeof maxProblems === 'number' && maxProblems >= 1 ? Math.floor(maxProblems) : DEFAULT_MAX_PROBLEMS,
    targetGrade: typeof targetGrade === 'number' && Number.isFinite(targetGrade) && targetGrade > 0 ? targetGrade : DEFAULT_TARGET_GRADE,
    snippetMarkers: flag(Settings.snippetMarkers, true),
    snippetAllowDrafts: flag(Settings.snippetAllowDrafts, true),
    snippetAllowOverdue: flag(Settings.snippetAllowOverdue, true),
    snippetCodeLens: flag(Settings.snippetCodeLens, true),
    previewHighlightTerms: flag(Settings.previewHighlightTerms, true),
  };
}
