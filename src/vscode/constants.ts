/** Public identifiers: command ids and setting keys are an interface teams script against. */

import type { StyleRule } from '../core';

export const EXTENSION_ID = 'medterms.medterms';

export const Commands = {
  lookUpTerm: 'medterms.lookUpTerm',
  lookUpTermAtCursor: 'medterms.lookUpTermAtCursor',
  openEntry: 'medterms.openEntry',
  showAbout: 'medterms.showAbout',
  insertSnippet: 'medterms.insertSnippet',
  /** Internal: shows a diff of a snippet fix (compare), or shows it and asks before applying it. */
  compareSnippet: 'medterms.compareSnippet',
  applySnippetFix: 'medterms.applySnippetFix',
  showSnippet: 'medterms.showSnippet',
  showReadingReport: 'medterms.showReadingReport',
  addToWorkspaceKnowledge: 'medterms.addToWorkspaceKnowledge',
  newTerm: 'medterms.newTerm',
  suppressTerm: 'medterms.suppressTerm',
} as const;

export const Settings = {
  hoverEnabled: 'hover.enabled',
  /** Knowledge folders or files layered over the bundled knowledge base, before the workspace's `.medterms/`. */
  knowledgePaths: 'knowledge.paths',
  completionEnabled: 'completion.enabled',
  /** How each plain-language rule is shown: `off`, `hint`, `information`, `warning` or `error`. */
  diagnosticSeverity: {
    jargon: 'diagnostics.jargon',
    abbreviation: 'diagnostics.abbreviation',
    'snippet-edited': 'diagnostics.snippetEdited',
    'snippet-outdated': 'diagnostics.snippetOutdated',
    'snippet-review-due': 'diagnostics.snippetReviewDue',
    'snippet-marker': 'diagnostics.snippetMarker',
    'snippet-unmarked': 'diagnostics.snippetUnmarked',
    nesting: 'diagnostics.nesting',
    'reading-grade': 'diagnostics.readingGrade',
    'person-first': 'diagnostics.personFirst',
  } satisfies Record<StyleRule, string>,
  /** The reading grade the status bar and the `reading-grade` rule measure against. */
  targetGrade: 'readability.targetGrade',
  allowedAbbreviations: 'diagnostics.allowedAbbreviations',
  /** The most diagnostics shown for one document; the rest are counted in a note. */
  maxProblems: 'diagnostics.maxProblems',
  /** Wrap inserted snippets in provenance markers. */
  snippetMarkers: 'snippets.markers',
  snippetAllowDrafts: 'snippets.allowDrafts',
  snippetAllowOverdue: 'snippets.allowOverdue',
  snippetCodeLens: 'snippets.codeLens',
  /** Mark recognised terms in the Markdown preview. */
  previewHighlightTerms: 'preview.highlightTerms',
} as const;

/** The settings section: every key above is read as `medterms.<key>`. */
export const SETTINGS_SECTION = 'medterms';

/**
 * Name of the diagnostic collection, the `source` every MedTerms diagnostic carries, and the
 * code of the note that counts the problems past `medterms.diagnostics.maxProblems`.
 */
export const DIAGNOSTICS = { collection: 'medterms', source: 'MedTerms', moreProblems: 'more-problems' } as const;

/** URI scheme of the read-only entry and About views. */
export const VIEW_SCHEME = 'medterms';

/** Markdown files, wherever they live (disk, untitled, virtual workspaces). */
export const MARKDOWN = { language: 'markdown' } as const;
