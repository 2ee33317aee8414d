// The medicine sources in data/sources/drugs/ (see its README): the FDA NDC Directory of about
// 2017 as repackaged by Benson et al. (products → substances, products → pharmacologic
// classes), the Drugs@FDA files of 2021-09 (products, brand names, marketing status,
// application type) and DrugBank's CC0 open vocabulary (names, synonyms, UNII). Read here;
// what is made of them is medicines.mjs.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SRC } from './common.mjs';

const DRUGS = join(SRC, 'drugs');
const gunzipText = (rel) => gunzipSync(readFileSync(join(DRUGS, rel))).toString('utf8');

/** The Drugs@FDA snapshot's date and the DrugBank file's highest id, shown in the attributions. */
export const DRUG_SOURCE_VERSIONS = { ndc: 'c. 2017 (latest marketing start 2017-09-21)', drugsAtFda: '2021-09-13', drugbank: 'open vocabulary, highest id DB32603' };

/** A tab-separated Drugs@FDA file as rows of named cells (CRLF line ends). */
function readFdaTable(rel) {
  const lines = gunzipText(rel).split(/\r?\n/).filter(Boolean);
  const head = lines.shift().split('\t');
  return lines.map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(head.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}

/**
 * One NDC-2017 hypergraph folder: each product's NDC (labeler-product code) with the labels of
 * its nodes. The name part of a simplex label is cut short in NDC-classes, so the NDC is the key.
 */
function readNdcProducts(folder) {
  const base = `ndc-2017/${folder}/${folder}`;
  const labels = new Map();
  for (const line of gunzipText(`${base}-node-labels.txt.gz`).split('\n')) {
    const m = /^(\d+) (.*)$/.exec(line);
    if (m) labels.set(Number(m[1]), m[2].trim());
  }
  const nverts = gunzipText(`${base}-nverts.txt.gz`).split('\n').filter(Boolean).map(Number);
  const simplices = gunzipText(`${base}-simplices.txt.gz`).split('\n').filter(Boolean).map(Number);
  const names = gunzipText(`${base}-simplex-labels.txt.gz`).split('\n');
  const products = new Map(); // NDC → { name, nodes }
  let at = 0;
  nverts.forEach((n, i) => {
    const nodes = simplices.slice(at, at + n).map((id) => labels.get(id));
    at += n;
    const m = /^(.*)\(([0-9-]+)\)\s*$/.exec(names[i] ?? '');
    if (!m) return;
    const p = products.get(m[2]) ?? { name: m[1].trim(), nodes: new Set() };
    for (const x of nodes) if (x) p.nodes.add(x);
    products.set(m[2], p);
  });
  return products;
}

/** Splits one CSV line (DrugBank's quoting: "…", with "" for a quote). */
function splitCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') cells.push(cell), (cell = '');
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** Reads every medicine source file. */
export function loadDrugSources() {
  const statusName = new Map(readFdaTable('drugsatfda-2021-09/MarketingStatus_Lookup.txt.gz').map((r) => [r.MarketingStatusID, r.MarketingStatusDescription]));
  const status = new Map(); // "ApplNo/ProductNo" → status description
  for (const r of readFdaTable('drugsatfda-2021-09/MarketingStatus.txt.gz')) status.set(`${r.ApplNo}/${r.ProductNo}`, statusName.get(r.MarketingStatusID));
  const applType = new Map(readFdaTable('drugsatfda-2021-09/Applications.txt.gz').map((r) => [r.ApplNo, r.ApplType]));
  const fdaProducts = readFdaTable('drugsatfda-2021-09/Products.txt.gz').map((r) => ({
    applNo: r.ApplNo,
    applType: applType.get(r.ApplNo) ?? '',
    status: status.get(`${r.ApplNo}/${r.ProductNo}`) ?? '',
    form: r.Form,
    drugName: r.DrugName,
    ingredients: r.ActiveIngredient.split(';').map((x) => x.trim()).filter(Boolean),
    reference: r.ReferenceDrug === '1',
  }));
  const ndcSubstances = readNdcProducts('NDC-substances');
  const ndcClasses = readNdcProducts('NDC-classes');
  const drugbank = [];
  const csv = gunzipText('drugbank-open/drugbank-vocabulary.csv.gz').split(/\r?\n/);
  const head = splitCsvLine(csv.shift());
  for (const line of csv) {
    if (!line) continue;
    const c = Object.fromEntries(splitCsvLine(line).map((v, i) => [head[i], v]));
    drugbank.push({ id: c['DrugBank ID'], name: c['Common name'], unii: c.UNII, synonyms: c.Synonyms ? c.Synonyms.split(' | ').map((s) => s.trim()).filter(Boolean) : [] });
  }
  return { fdaProducts, ndcSubstances, ndcClasses, drugbank };
}

/** The attributions of the medicine sources, for data/kb.json's "sources" and NOTICE (see data/sources/drugs/LICENSE.md). */
export function medicineAttributions() {
  const v = DRUG_SOURCE_VERSIONS;
  return [
    {
      name: 'FDA National Drug Code (NDC) Directory, pharmacologic classes',
      version: v.ndc,
      licence: 'Public domain (US Government work); the repackaging states no licence',
      url: 'https://www.fda.gov/drugs/drug-approvals-and-databases/national-drug-code-directory',
      notice:
        'Medicine classes (FDA established pharmacologic classes) from the U.S. Food and Drug Administration National Drug Code Directory, snapshot of about late 2017, as repackaged by A. R. Benson et al. in arbenson/ScHoLP-Data (Benson, Abebe, Schaub, Jadbabaie and Kleinberg, "Simplicial closure and higher-order link prediction", PNAS 115(48), 2018). The data is FDA\'s public-domain work; the repackaging repository states no licence. An NDC listing does not mean FDA approval. FDA does not endorse this product.',
    },
    {
      name: 'Drugs@FDA data files',
      version: v.drugsAtFda,
      licence: 'Public domain (US Government work)',
      url: 'https://www.fda.gov/drugs/drug-approvals-and-databases/drugsfda-data-files',
      notice: `Medicine names, brand names and marketing status (prescription, over the counter) from the U.S. Food and Drug Administration's Drugs@FDA data files, snapshot ${v.drugsAtFda}. Brands and status change; check current labeling. FDA does not endorse this product.`,
    },
    {
      name: 'DrugBank Open Data (vocabulary)',
      version: v.drugbank,
      licence: 'CC0 1.0',
      url: 'https://go.drugbank.com/releases/latest#open-data',
      notice:
        'Medicine synonyms (INN, USAN and BAN spellings) from the DrugBank open vocabulary, CC0 1.0: https://creativecommons.org/publicdomain/zero/1.0/. Attribution is not required; DrugBank asks to be cited: Knox C. et al., "DrugBank 6.0: the DrugBank Knowledgebase for 2024", Nucleic Acids Res. 2024;52(D1):D1265-D1275.',
    },
  ];
}
