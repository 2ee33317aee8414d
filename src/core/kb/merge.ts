import type { JsonPath } from './jsonSchema';
import type { LoadResult, Problem } from './load';
import type { Entry } from './types';

/** A layer over the base knowledge base, as {@link mergeLayers} reads it. */
export interface OverlayLayer extends LoadResult {
  readonly file: string;
}

/** Where an entry, and each field a later layer set, came from: the layers' file names. */
export interface EntryOrigin {
  /** The layer that added the entry (the base's file for a bundled entry). */
  readonly layer: string;
  /** Fields set by a later layer than {@link layer}, each with the file that set it last. */
  readonly fields: Readonly<Partial<Record<keyof Entry, string>>>;
}

/** What the layers over the base change. */
export interface LayerMerge {
  /** Entries added or changed by a layer, as they are now; `null` for an entry a layer suppressed. */
  readonly changed: ReadonlyMap<string, Entry | null>;
  /** The base's own version of each entry a layer changed or suppressed (their terms leave the index). */
  readonly replaced: readonly Entry[];
  readonly origins: ReadonlyMap<string, EntryOrigin>;
  /** Problems of the merge (new entry without kind or name, dangling related id, colliding abbreviation, …), on the layer's file. */
  readonly problems: readonly Problem[];
}

/** What the base knowledge base answers during a merge. */
export interface MergeBase {
  readonly file: string;
  /** The base's entry with this id. */
  entry(id: string): Entry | undefined;
  /** Ids of base entries that may have `abbreviation` (a superset is fine: each is checked). */
  abbreviationCandidates(abbreviation: string): readonly string[];
}

/** The fields an entry's review vouches for: the wording written for readers. */
const REVIEWED_WORDING = ['definition', 'sayInstead'] as const;

/** An entry as a layer may write it: a whole entry, some fields of an earlier one, or a suppression. */
type LayerEntry = Partial<Entry> & { readonly id: string; readonly suppress?: true };

/**
 * Merges layers over a base knowledge base, in order: a later layer's entry with a new id is
 * added; one with an id an earlier layer has overrides the fields it writes (the others stay);
 * `"suppress": true` removes the entry. Nothing is dropped silently: an entry that cannot be
 * added, a suppression of an unknown id, a related id that names no entry, and an abbreviation
 * that another layer's entry also has are problems located on the layer's file. An abbreviation
 * shared across layers goes to the later layer's entry (the team's file is the more specific
 * knowledge), and the problem names the entry that lost it. Work in proportion to the layers,
 * not the base: the bundled knowledge base stays unparsed but for the entries it touches.
 */
export function mergeLayers(base: MergeBase, layers: readonly OverlayLayer[]): LayerMerge {
  const changed = new Map<string, Entry | null>();
  const origins = new Map<string, EntryOrigin>();
  const replaced = new Map<string, Entry>();
  const problems: Problem[] = [];
  const current = (id: string): Entry | undefined => (changed.has(id) ? (changed.get(id) ?? undefined) : base.entry(id));
  const originOf = (id: string): EntryOrigin => origins.get(id) ?? { layer: base.file, fields: {} };
  /** Ids whose abbreviation a layer set: abbreviation → ids. */
  const layerOwners = new Map<string, string[]>();
  const change = (id: string, entry: Entry | null) => {
    const was = base.entry(id);
    if (was && !replaced.has(id)) replaced.set(id, was);
    changed.set(id, entry);
  };
  const related: { layer: OverlayLayer; index: number; ids: readonly string[] }[] = [];

  for (const layer of layers) {
    const at = (path: JsonPath) => layer.locate?.([path])[0] ?? { line: 1, column: 1 };
    const problem = (path: JsonPath, severity: Problem['severity'], message: string) => problems.push({ file: layer.file, ...at(path), severity, message });
    layer.kb.entries.forEach((written, k) => {
      const index = layer.entryIndexes?.[k] ?? k;
      const { suppress, ...fields } = written as LayerEntry;
      const { id } = fields;
      const before = current(id);
      if (suppress) {
        if (!before) problem(['entries', index, 'id'], 'warning', `suppresses "${id}", which no earlier layer has; nothing was removed.`);
        else {
          change(id, null);
          origins.set(id, { ...originOf(id), fields: { ...originOf(id).fields, id: layer.file } });
        }
        return;
      }
      if (!before && (!fields.kind || !fields.name)) {
        const missing = ['kind', 'name'].filter((f) => !fields[f as 'kind' | 'name']).join(' and ');
        problem(['entries', index], 'error', `"${id}" is no earlier layer's id, so it is a new entry, which needs a ${missing}; this entry was not loaded. (To change an existing entry, use its id.)`);
        return;
      }
      // A later layer's own wording is not what the earlier review looked at: the entry then
      // carries that layer's review, or none, so a card never passes it off as reviewed.
      const rewords = before !== undefined && fields.review === undefined && REVIEWED_WORDING.some((field) => fields[field] !== undefined);
      const merged = { ...(before ?? {}), ...fields, ...(rewords ? { review: undefined } : {}) } as Entry;
      change(id, merged);
      if (before) {
        const origin = originOf(id);
        const set = Object.fromEntries([...Object.keys(fields), ...(rewords ? ['review'] : [])].filter((f) => f !== 'id').map((f) => [f, layer.file]));
        origins.set(id, { layer: origin.layer, fields: { ...origin.fields, ...set } });
      } else origins.set(id, { layer: layer.file, fields: {} });

      (fields.abbreviations ?? []).forEach((abbreviation, j) => {
        const owners = new Set([...base.abbreviationCandidates(abbreviation), ...(layerOwners.get(abbreviation) ?? [])]);
        for (const other of owners) {
          const owner = other === id ? undefined : current(other);
          if (!owner?.abbreviations?.includes(abbreviation)) continue;
          const ownerFile = originOf(other).fields.abbreviations ?? originOf(other).layer;
          const path = ['entries', index, 'abbreviations', j];
          if (ownerFile === layer.file) {
            problem(path, 'warning', `"${abbreviation}" is also the abbreviation of "${other}" in this file; both keep it, and hover shows "${other}" first, with this entry as an alternative.`);
            continue;
          }
          change(other, { ...owner, abbreviations: owner.abbreviations.filter((a) => a !== abbreviation) });
          origins.set(other, { ...originOf(other), fields: { ...originOf(other).fields, abbreviations: layer.file } });
          problem(path, 'warning', `"${abbreviation}" is also the abbreviation of "${owner.name}" (${other}, from ${ownerFile}); "${id}" of this file wins, because a later layer overrides an earlier one, so ${abbreviation} now means ${merged.name} here. Remove it here to keep the earlier meaning.`);
        }
        layerOwners.set(abbreviation, [...(layerOwners.get(abbreviation) ?? []), id]);
      });
      if (fields.related) related.push({ layer, index, ids: fields.related });
    });
  }

  // Related ids are checked once every layer is in: a layer may link to an entry a later one adds.
  for (const { layer, index, ids } of related) {
    ids.forEach((id, j) => {
      if (current(id)) return;
      const at = layer.locate?.([['entries', index, 'related', j]])[0] ?? { line: 1, column: 1 };
      problems.push({ file: layer.file, ...at, severity: 'warning', message: `related id "${id}" names no entry of any layer; the link is not shown.` });
    });
  }
  return { changed, replaced: [...replaced.values()], origins, problems };
}
