// A team's knowledge layer in a virtual workspace: the web suite's workspace
// (test/web/workspace/, mounted as vscode-test-web://mount/) has a .medterms/terms/web.json,
// which the web worker reads through vscode.workspace.fs as it reads the bundled knowledge base;
// and a layer file written there through workspace.fs changes hover without a reload.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { cardsAt, inside, markdown } from '../integration/editor';

const encoder = new TextEncoder();

/** Polls `check` until it returns something truthy; fails with `what` after `ms`. */
async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("a team's knowledge layer in the virtual workspace (.medterms/)", () => {
  let knowledge: vscode.Uri;

  before(async function () {
    this.timeout(60_000);
    await vscode.extensions.getExtension('medterms.medterms')!.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.equal(folder?.uri.scheme, 'vscode-test-web');
    knowledge = vscode.Uri.joinPath(folder!.uri, '.medterms');
  });

  it('hover shows a term and a definition of the workspace’s layer, read through workspace.fs', async () => {
    const doc = await markdown('Velcrosis and asthma.\n');
    const [card] = await cardsAt(doc, inside(doc, 'Velcrosis'));
    assert.ok(card, 'no card for the team’s term');
    assert.match(card, /^### velcrosis/);
    assert.match(card, /only the web suite's team layer knows/);
    assert.match(card, /From \.medterms\/terms\/web\.json/);
    const [asthma] = await cardsAt(doc, inside(doc, 'asthma'));
    assert.match(asthma, /^### asthma/);
    assert.match(asthma, /Our team's wording for asthma/);
    // The card names the layer that changed the definition (and any other field it set).
    assert.match(asthma, /definition\b[^*\n]* from \.medterms\/terms\/web\.json/);
  });

  it('a layer file written, changed and deleted through workspace.fs changes hover without a reload', async function () {
    this.timeout(60_000);
    const doc = await markdown('Quillitis is rare.\n');
    const card = async () => (await cardsAt(doc, inside(doc, 'Quillitis')))[0];
    assert.equal(await card(), undefined);
    const file = vscode.Uri.joinPath(knowledge, 'terms', 'live.json');
    const layer = (definition: string) => encoder.encode(JSON.stringify({ entries: [{ id: 'quillitis', kind: 'condition', name: 'quillitis', definition }] }));
    await vscode.workspace.fs.writeFile(file, layer('Written in the browser.'));
    assert.match(await until('the new term on hover', card), /Written in the browser/);
    await vscode.workspace.fs.writeFile(file, layer('Changed in the browser.'));
    await until('the changed definition', async () => ((await card())?.includes('Changed in the browser') ? true : undefined));
    await vscode.workspace.fs.delete(file);
    await until('the term gone', async () => ((await card()) === undefined ? true : undefined));
  });
});
