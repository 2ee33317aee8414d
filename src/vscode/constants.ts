/** Public identifiers: command ids and setting keys are an interface teams script against. */

export const EXTENSION_ID = 'medterms.medterms';

export const Commands = {
  lookUpTerm: 'medterms.lookUpTerm',
  lookUpTermAtCursor: 'medterms.lookUpTermAtCursor',
  openEntry: 'medterms.openEntry',
  showAbout: 'medterms.showAbout',
} as const;

export const Settings = {
  hoverEnabled: 'hover.enabled',
  completionEnabled: 'completion.enabled',
} as const;

/** The settings section: every key above is read as `medterms.<key>`. */
export const SETTINGS_SECTION = 'medterms';

/** URI scheme of the read-only entry and About views. */
export const VIEW_SCHEME = 'medterms';

/** Markdown files, wherever they live (disk, untitled, virtual workspaces). */
export const MARKDOWN = { language: 'markdown' } as const;
