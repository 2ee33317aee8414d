// Attribution: the open sources the knowledge base is built from, with their versions,
// licences and notices — listed in data/kb.json's "sources" and written out as NOTICE, which
// the sources' licences ask for (HPO: version shown, content unaltered; Mondo: CC BY 4.0).

/** Each source's name, version, licence, URL and notice, for data/kb.json and NOTICE. */
export function sourceAttributions(S) {
  return [
    {
      name: 'Human Disease Ontology (DOID)',
      version: `${S.doidVersion} (full file); 2026-07-31 (reports)`,
      licence: 'CC0 1.0',
      url: 'https://disease-ontology.org',
      notice: `Disease names, synonyms, abbreviations and cross-references from the Human Disease Ontology, release ${S.doidVersion} (CC0 1.0), plus the terms added by 2026-07-31 from that release's reports. Its definitions are not shipped.`,
    },
    {
      name: 'Symptom Ontology (SYMP)',
      version: S.sympVersion,
      licence: 'CC0 1.0',
      url: 'https://github.com/DiseaseOntology/SymptomOntology',
      notice: `Symptom names and synonyms from the Symptom Ontology, release ${S.sympVersion} (CC0 1.0). Its definitions are not shipped.`,
    },
    {
      name: 'Human Phenotype Ontology (HPO)',
      version: S.hpoVersion,
      licence: 'HPO licence (https://hpo.jax.org/license): free use with acknowledgement, version shown, content unaltered',
      url: 'https://hpo.jax.org',
      notice: `This product is using the Human Phenotype Ontology (version ${S.hpoVersion}). Find out more at https://hpo.jax.org. HPO labels, synonyms and layperson synonyms are shown unaltered; HPO definitions are not shipped. Citation: Gargano MA et al. The Human Phenotype Ontology in 2024. Nucleic Acids Res. 2024;52(D1):D1333-D1346.`,
    },
    {
      name: 'Mondo Disease Ontology (MONDO) mappings',
      version: S.mondoVersion,
      licence: 'CC BY 4.0 (mapping files: CC0 1.0)',
      url: 'https://mondo.monarchinitiative.org',
      notice: `Mondo ids and Mondo's ICD-10-CM and MeSH mappings from the Mondo Disease Ontology (Monarch Initiative), release ${S.mondoVersion}, CC BY 4.0: https://creativecommons.org/licenses/by/4.0/. Only ids are used; nothing was changed in the mapping files.`,
    },
    {
      name: 'ICD-10-CM (CDC/NCHS)',
      version: 'FY2019',
      licence: 'Public domain (US Government work)',
      url: 'https://www.cdc.gov/nchs/icd/icd-10-cm/',
      notice:
        'ICD-10-CM codes checked against the FY2019 code table, which is out of date: codes have been added, split (e.g. G35 in FY2026) and retitled since. Condition codes come mainly from the current Mondo mappings; symptom R-codes only where a name matches an FY2019 title exactly. Check codes against the current ICD-10-CM before coding or billing.',
    },
    {
      name: 'Medical Subject Headings (MeSH) ids',
      version: 'ids as cross-referenced by DOID 2024-01-31, HPO 2023-01-27 and Mondo ' + S.mondoVersion,
      licence: 'NLM terms and conditions (https://www.nlm.nih.gov/databases/download/terms_and_conditions.html)',
      url: 'https://www.nlm.nih.gov/mesh/',
      notice:
        'MeSH descriptor ids courtesy of the U.S. National Library of Medicine (NLM). Only ids are shipped (no MeSH text); they come from the cross-references of the sources above and are not checked against a particular MeSH year. NLM does not endorse this product.',
    },
  ];
}

/** The NOTICE file: the code's licence, then each source's attribution. */
// The plain-language word lists (not built from data/sources/) and a test fixture, with what was taken from whom.
const WORD_LISTS = [
  'Plain-language word lists',
  '=========================',
  '',
  'data/jargon/general.json (general medical words patients misread, for the jargon rule) and',
  'data/style/person-first.json (wording about people, for the person-first rule) are written by',
  'the MedTerms team in its own words (review: written; not clinician-reviewed). The entries marked',
  '"source": "retext-simplify" (formal words such as commence, utilize, prior to) come from',
  'retext-simplify 8.0.0, and those marked "source": "retext-equality" (such as epileptic,',
  'committed suicide, birth defect) from retext-equality 7.1.0, both MIT licence,',
  'Copyright (c) Titus Wormer <tituswormer@gmail.com>: https://github.com/retextjs. Their',
  'rewrites and reasons were rewritten for health writing. MedTerms goes further with medical',
  'wording those lists do not have: 500 medical words with everyday wording (prognosis,',
  'contraindicated, bilateral, idiopathic, sequelae), test results read in context (positive or',
  'negative near a test word), and condition labels and phrases of health writing (diabetics,',
  'asthmatics, suffers from, confined to a wheelchair, dialysis patients).',
  '',
  'test/fixtures/sarif-schema-2.1.0.json is the SARIF 2.1.0 JSON schema (OASIS Static Analysis',
  'Results Interchange Format, final schema rtm.5) as shipped in the npm package',
  '@microsoft/jest-sarif 1.0.0-beta.0 (MIT licence, Copyright (c) Microsoft Corporation); it is',
  'used by the unit tests only and is not part of the extension.',
  '',
];

export function renderNotice(sources, version) {
  const parts = [
    'MedTerms',
    'Copyright (c) the MedTerms authors. Code: MIT licence (see package.json).',
    '',
    `The bundled knowledge base (data/kb.json, version ${version}) is built by scripts/build-kb.mjs`,
    'from the open sources below, kept unaltered in data/sources/ with their licence files and',
    'SHA-256 checksums, plus a hand-written layer (data/manual/).',
    '',
    'Plain-language definitions, "say instead" wording and the lay terms in data/manual/ are the',
    "MedTerms team's own words. No source definition is shipped: a unit test checks that no",
    'hand-written text shares a run of 8 or more words with a DOID, SYMP or HPO definition.',
    '',
    'No SNOMED CT content or identifiers are shipped (SNOMED CT needs an Affiliate Licence).',
    '',
    'Sources',
    '=======',
  ];
  for (const s of sources) {
    parts.push('', `${s.name}`, `  Version: ${s.version}`, `  Licence: ${s.licence}`, `  URL:     ${s.url}`, `  ${wrap(s.notice, 92).join('\n  ')}`);
  }
  parts.push(
    '',
    'Files in data/sources/ and their origins',
    '========================================',
    '',
    'See data/sources/README.md. The Human Phenotype Ontology file is the official hp.json release',
    '2023-01-27, redistributed byte-for-byte; its terms are at https://hpo.jax.org/license.',
    'The Mondo licence text is data/sources/mondo/LICENSE-CC-BY-4.0.txt.',
    '',
    ...WORD_LISTS,
  );
  return parts.join('\n');
}

/** Words of `text` in lines of at most `width` characters (a longer word stands alone). */
function wrap(text, width) {
  const out = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}
