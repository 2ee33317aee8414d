import type { Layer } from './knowledgeBase';
import type { SnippetSource } from './snippets/snippet';
import { parseKbFile, type KbFormat } from './kb/load';
import { parsePlainWordsLayer } from './style/plainWordLayers';

/** The folder of a workspace that holds its team's own knowledge. */
export const WORKSPACE_KNOWLEDGE_FOLDER = '.medterms';

/** A file read from a knowledge folder: its name for messages (a path or URI) and its text. */
export interface KnowledgeFile {
  /** Path inside the knowledge folder, with `/` separators (`terms/cardiology.json`), or the file's own name when a setting names it. */
  readonly relative: string;
  /** The name problems carry and provenance shows (a path or a URI). */
  readonly file: string;
  readonly text: string;
}

/** What a file of a knowledge folder holds, or `undefined` for a file MedTerms does not read. */
export type KnowledgeFileRole = { readonly kind: 'terms'; readonly format: KbFormat } | { readonly kind: 'snippet' } | { readonly kind: 'jargon' };

/** The folders of a knowledge folder that MedTerms reads (see {@link knowledgeFileRole}). */
export const KNOWLEDGE_SUBFOLDERS = ['terms', 'snippets', 'jargon'] as const;

/**
 * What MedTerms reads in a knowledge folder: `terms/*.json`, `terms/*.yaml` (or `.yml`),
 * `snippets/*.md` and `jargon/*.json`. Anything else is left alone, so a team can keep notes
 * beside its layers.
 */
export function knowledgeFileRole(relative: string): KnowledgeFileRole | undefined {
  const match = /^(terms|snippets|jargon)\/([^/]+)$/.exec(relative);
  if (!match) return undefined;
  const name = match[2].toLowerCase();
  if (match[1] === 'snippets') return name.endsWith('.md') ? { kind: 'snippet' } : undefined;
  if (match[1] === 'jargon') return name.endsWith('.json') ? { kind: 'jargon' } : undefined;
  return name.endsWith('.json') ? { kind: 'terms', format: 'json' } : /\.ya?ml$/.test(name) ? { kind: 'terms', format: 'yaml' } : undefined;
}

/**
 * Where a file a setting names on its own (`medterms.knowledge.paths`) would sit in a knowledge
 * folder: a JSON file in a folder named `jargon` is a jargon list (`…/jargon/house.json` →
 * `jargon/house.json`), as in a knowledge folder; otherwise by its extension: `team.yaml` →
 * `terms/team.yaml`, `consent.md` → `snippets/consent.md`.
 */
export function namedKnowledgeFile(path: string): string {
  const [name = '', folder = ''] = path.split(/[\\/]/).reverse();
  if (folder === 'jargon' && /\.json$/i.test(name)) return `jargon/${name}`;
  return `${/\.md$/i.test(name) ? 'snippets' : 'terms'}/${name}`;
}

/**
 * The layers of one knowledge folder (or of files a setting names): each terms file and each
 * jargon list a layer of its own, in path order, so problems and provenance name the file; the
 * snippets in one layer after them. Data only: nothing in a file is run, so an untrusted workspace's layers are as
 * safe to read as its Markdown.
 */
export function knowledgeLayers(files: readonly KnowledgeFile[]): Layer[] {
  const sorted = [...files].sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  const layers: Layer[] = [];
  const snippets: SnippetSource[] = [];
  for (const f of sorted) {
    const role = knowledgeFileRole(f.relative);
    if (role?.kind === 'terms') layers.push({ file: f.file, ...parseKbFile(f.text, f.file, { layer: true, format: role.format }) });
    else if (role?.kind === 'jargon') {
      const { layer, problems } = parsePlainWordsLayer(f.text, f.file);
      layers.push({ file: f.file, kb: { entries: [] }, problems, plainWords: layer });
    } else if (role?.kind === 'snippet') snippets.push({ file: f.file, text: f.text });
  }
  if (snippets.length) layers.push({ file: snippets[0].file, kb: { entries: [] }, problems: [], snippets });
  return layers;
}
