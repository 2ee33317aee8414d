// The raw open sources in data/sources/: checks them against their SHA-256 checksums (they
// must be the unaltered releases), reads them (DOID and SYMP OBO files, the HPO obographs JSON,
// the Mondo SSSOM mapping sets, the ICD-10-CM FY2019 table) and indexes their terms by id, so
// that every later step resolves a DOID, HP or SYMP id, or an alternative id, the same way.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fail, SRC } from './common.mjs';

/** Fails unless every file listed in data/sources/SHA256SUMS is there with that checksum. */
export function verifyChecksums() {
  const sums = readFileSync(join(SRC, 'SHA256SUMS'), 'utf8').split('\n').filter(Boolean);
  const problems = [];
  for (const line of sums) {
    const m = /^([0-9a-f]{64})\s+\*?(.+)$/.exec(line);
    if (!m) fail(`data/sources/SHA256SUMS: cannot read line "${line}"`);
    const file = join(SRC, m[2]);
    if (!existsSync(file)) {
      problems.push(`missing ${m[2]}`);
      continue;
    }
    const got = createHash('sha256').update(readFileSync(file)).digest('hex');
    if (got !== m[1]) problems.push(`${m[2]}: expected sha256 ${m[1]}, got ${got}`);
  }
  if (problems.length)
    fail(`data/sources/SHA256SUMS does not match the raw source files (they must be the unaltered releases):\n  ${problems.join('\n  ')}`);
}

// Parsers
function unquoteObo(s) {
  return s.replace(/\\(.)/g, '$1');
}

/** Minimal OBO 1.2 reader: [Term] stanzas with the tags this build uses. */
function parseObo(text) {
  const header = {};
  const terms = [];
  let cur = null;
  let inHeader = true;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('[')) {
      inHeader = false;
      cur = line === '[Term]' ? { id: '', name: '', def: null, synonyms: [], xrefs: [], isA: [], altIds: [], subsets: [], obsolete: false, props: [] } : null;
      if (cur) terms.push(cur);
      continue;
    }
    const m = /^([A-Za-z_-]+): (.*)$/.exec(line);
    if (!m) continue;
    const [, tag, value] = m;
    if (inHeader) {
      (header[tag] ??= []).push(value);
      continue;
    }
    if (!cur) continue;
    switch (tag) {
      case 'id':
        cur.id = value.trim();
        break;
      case 'name':
        cur.name = value.trim();
        break;
      case 'def': {
        const d = /^"((?:[^"\\]|\\.)*)"/.exec(value);
        if (d) cur.def = unquoteObo(d[1]);
        break;
      }
      case 'synonym': {
        const s = /^"((?:[^"\\]|\\.)*)"\s+(EXACT|BROAD|NARROW|RELATED)(?:\s+([A-Za-z_:]+))?/.exec(value);
        if (s) cur.synonyms.push({ text: unquoteObo(s[1]), scope: s[2], type: s[3] ?? null });
        break;
      }
      case 'xref':
        cur.xrefs.push(value.split(/\s/)[0]);
        break;
      case 'is_a':
        cur.isA.push(value.split(/\s/)[0]);
        break;
      case 'alt_id':
        cur.altIds.push(value.trim());
        break;
      case 'subset':
        cur.subsets.push(value.trim());
        break;
      case 'is_obsolete':
        cur.obsolete = value.trim() === 'true';
        break;
      case 'property_value':
        cur.props.push(value);
        break;
    }
  }
  return { header, terms };
}

function parseTsv(text) {
  const lines = text.split('\n').filter((l) => l && !l.startsWith('#'));
  const head = lines.shift().split('\t');
  return lines.map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? '']));
  });
}

function sssomVersion(text) {
  const m = /^# mapping_set_version: .*\/releases\/([0-9-]+)\//m.exec(text);
  return m ? m[1] : 'unknown';
}

const HP_IRI = 'http://purl.obolibrary.org/obo/HP_';
const hpId = (iri) => (iri.startsWith(HP_IRI) ? `HP:${iri.slice(HP_IRI.length)}` : null);

/** Reads every source file: the terms of each ontology, the mappings and the code table, with their versions. */
export function loadSources() {
  // DOID
  const doidText = gunzipSync(readFileSync(join(SRC, 'doid/doid-2024-01-31.obo.gz'))).toString('utf8');
  const doid = parseObo(doidText);
  const doidVersion = /releases\/([0-9-]+)\//.exec(doid.header['data-version']?.[0] ?? '')?.[1] ?? 'unknown';
  // DOID terms added since that release: the 2026-07-31 reports (id, label, parent label; xrefs).
  // Only ids missing from the full OBO file are taken from them (no synonyms or definitions there).
  const unq = (c) => c.replace(/^"|"$/g, '');
  const doidReport = parseTsv(readFileSync(join(SRC, 'doid/HumanDO-2026-07-31.tsv'), 'utf8')).map((r) => ({ id: unq(r.id), label: unq(r.label), parent: unq(r.subClassOf) }));
  const doidXrefs = new Map();
  for (const r of parseTsv(readFileSync(join(SRC, 'doid/allXREFinDO-2026-07-31.tsv'), 'utf8'))) {
    const id = unq(r.id);
    if (!doidXrefs.has(id)) doidXrefs.set(id, []);
    doidXrefs.get(id).push(unq(r.xref).replace(/^MIM:/, 'OMIM:'));
  }
  const known = new Set(doid.terms.map((t) => t.id));
  const idByLabel = new Map();
  for (const r of doidReport) if (!idByLabel.has(r.label)) idByLabel.set(r.label, r.id);
  for (const t of doid.terms) if (!t.obsolete && !idByLabel.has(t.name)) idByLabel.set(t.name, t.id);
  const added = new Map();
  for (const r of doidReport) {
    if (known.has(r.id) || !r.label) continue;
    if (!added.has(r.id)) {
      const t = { id: r.id, name: r.label, def: null, synonyms: [], xrefs: (doidXrefs.get(r.id) ?? []).map((x) => x.replace(/^UMLS_CUI:/, 'UMLS_CUI:')), isA: [], altIds: [], subsets: [], obsolete: false, props: [], fromReport: true };
      added.set(r.id, t);
      doid.terms.push(t);
    }
    const p = idByLabel.get(r.parent);
    if (p) added.get(r.id).isA.push(p);
  }
  // SYMP
  const symp = parseObo(readFileSync(join(SRC, 'symp/symp-2026-07-30.obo'), 'utf8'));
  const sympVersion = /releases\/([0-9-]+)\//.exec(symp.header['data-version']?.[0] ?? '')?.[1] ?? 'unknown';
  // HPO (obographs JSON)
  const hpJson = JSON.parse(gunzipSync(readFileSync(join(SRC, 'hpo/hp-2023-01-27.json.gz'))).toString('utf8'));
  const graph = hpJson.graphs[0];
  const hpoVersion = graph.meta.basicPropertyValues.find((p) => p.pred.endsWith('#versionInfo'))?.val ?? 'unknown';
  const hpo = new Map();
  for (const n of graph.nodes) {
    const id = hpId(n.id);
    if (!id || n.type !== 'CLASS' || !n.lbl) continue;
    const meta = n.meta ?? {};
    hpo.set(id, {
      id,
      name: n.lbl,
      def: meta.definition?.val ?? null,
      obsolete: meta.deprecated === true,
      synonyms: (meta.synonyms ?? []).map((s) => ({
        text: s.val,
        scope: s.pred.replace(/^has/, '').replace(/Synonym$/, '').toUpperCase(),
        type: s.synonymType ? s.synonymType.replace(/^.*[#/]/, '') : null,
      })),
      xrefs: (meta.xrefs ?? []).map((x) => x.val),
      altIds: (meta.basicPropertyValues ?? []).filter((p) => p.pred.endsWith('#hasAlternativeId')).map((p) => p.val),
      isA: [],
    });
  }
  for (const e of graph.edges) {
    if (e.pred !== 'is_a') continue;
    const sub = hpo.get(hpId(e.sub) ?? '');
    const obj = hpId(e.obj);
    if (sub && obj) sub.isA.push(obj);
  }
  // MONDO mapping sets
  const mondoFiles = {};
  let mondoVersion = 'unknown';
  for (const f of ['mondo_exactmatch_doid', 'mondo_exactmatch_icd10cm', 'mondo_hasdbxref_icd10cm', 'mondo_exactmatch_mesh']) {
    const text = readFileSync(join(SRC, `mondo/${f}.sssom.tsv`), 'utf8');
    mondoVersion = sssomVersion(text);
    mondoFiles[f] = parseTsv(text);
  }
  // ICD-10-CM FY2019
  const icdRows = parseTsv(gunzipSync(readFileSync(join(SRC, 'icd10cm/icd10cm-fy2019.tsv.gz'))).toString('utf8'));
  const icd = new Map();
  for (const r of icdRows) {
    const code = r.code.length > 3 ? `${r.code.slice(0, 3)}.${r.code.slice(3)}` : r.code;
    icd.set(code, { code, long: r.long_desc, short: r.short_desc, billable: r.billable === 'TRUE' });
  }
  return { doid, doidVersion, symp, sympVersion, hpo, hpoVersion, mondoFiles, mondoVersion, icd };
}

/**
 * Indexes the sources' terms: each ontology's terms by id, its alternative ids → the current id,
 * DOID's child counts, and `resolveSourceId`. Returns the sources with these added.
 */
export function indexSources(S) {
  // An ontology's own terms by id, and its alternative ids → the current id.
  const byId = (terms, prefix) => {
    const ids = new Map();
    const alt = new Map();
    for (const t of terms) {
      if (!t.id.startsWith(prefix)) continue;
      ids.set(t.id, t);
      for (const a of t.altIds) alt.set(a, t.id);
    }
    return [ids, alt];
  };
  const [doidTerms, doidAlt] = byId(S.doid.terms, 'DOID:');
  const doidChildren = new Map();
  for (const t of doidTerms.values()) for (const p of t.isA) doidChildren.set(p, (doidChildren.get(p) ?? 0) + 1);
  const [sympTerms, sympAlt] = byId(S.symp.terms, 'SYMP:');
  const hpoAlt = new Map();
  for (const t of S.hpo.values()) for (const a of t.altIds) hpoAlt.set(a, t.id);

  /** Resolves a DOID/HP/SYMP id (or alt id) to a live source term; null when unknown. */
  function resolveSourceId(id) {
    if (typeof id !== 'string') return null;
    if (id.startsWith('DOID:')) {
      const t = doidTerms.get(doidAlt.get(id) ?? id);
      return t ? { kind: 'doid', term: t } : null;
    }
    if (id.startsWith('HP:')) {
      const t = S.hpo.get(hpoAlt.get(id) ?? id);
      return t ? { kind: 'hpo', term: t } : null;
    }
    if (id.startsWith('SYMP:')) {
      const t = sympTerms.get(sympAlt.get(id) ?? id);
      return t ? { kind: 'symp', term: t } : null;
    }
    return null;
  }
  return { ...S, doidTerms, doidAlt, doidChildren, sympTerms, resolveSourceId };
}
