/**
 * Explorer — paging: the first page comes alone, "Load more…" appends the next one (the
 * items already loaded stay), and clicking it to the end reaches every one of 5,000 functions.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/api';
import type { Emulator } from '../../emulator';
import { configure, setup } from '../support';
import { loadToEnd, ofKind, Provider, rows } from './treeSupport';

/** A region only these tests fill. */
const REGION = 'ca-central-1';
const COUNT = 5000;

describe('Explorer: paging', function () {
  this.timeout(180_000);
  let api: TestHooks;
  let emulator: Emulator;
  let fp: Provider;

  before(async () => {
    ({ api, emulator } = await setup());
    emulator.seedSynthetic(COUNT, { region: REGION });
  });

  beforeEach(async () => {
    await setup();
    await configure({ regions: [REGION] });
    fp = api.views.functionsProvider;
  });

  after(async () => {
    await vscode.workspace.getConfiguration('lambdaWorkbench').update('explorer.pageSize', undefined, vscode.ConfigurationTarget.Global);
    await configure({ regions: ['us-east-1'] });
  });

  it('shows the first page (50) and a "Load more…" node; Load more appends the next page', async () => {
    emulator.clearRequests();
    const first = await rows(fp);
    assert.equal(ofKind(first, 'function').length, 50);
    const more = first[first.length - 1];
    assert.equal(more.contextValue, 'loadMore');
    assert.equal(more.label, 'Load more…');
    assert.equal(more.description, '50 loaded');
    assert.equal(emulator.requests.filter((r) => r.operation === 'ListFunctions').length, 1, 'one request for the first page');

    await vscode.commands.executeCommand('lambdaWorkbench.loadMore', more.node);
    const second = await rows(fp);
    const fns = ofKind(second, 'function');
    assert.equal(fns.length, 100);
    assert.deepEqual(fns.slice(0, 50).map((r) => r.node), ofKind(first, 'function').map((r) => r.node), 'the first page is kept as it was (same nodes)');
    assert.equal(fns[50].label, 'synthetic-fn-00051');
    assert.equal(emulator.requests.filter((r) => r.operation === 'ListFunctions').length, 2, 'one more request, for page 2 only');
  });

  it(`reaches every one of ${COUNT} functions with Load more, one request per page`, async () => {
    emulator.clearRequests();
    const started = Date.now();
    const { rows: all, clicks } = await loadToEnd(fp);
    const fns = ofKind(all, 'function');
    assert.equal(fns.length, COUNT);
    assert.equal(all.length, COUNT, 'no load-more node at the end');
    assert.equal(new Set(fns.map((r) => r.label)).size, COUNT);
    assert.equal(new Set(fns.map((r) => r.id)).size, COUNT, 'ids are unique');
    assert.equal(fns[0].label, 'synthetic-fn-00001');
    assert.equal(fns[COUNT - 1].label, 'synthetic-fn-05000');
    assert.equal(clicks, COUNT / 50 - 1);
    assert.equal(emulator.requests.filter((r) => r.operation === 'ListFunctions').length, COUNT / 50);
    console.log(`      ${COUNT} functions in ${clicks + 1} pages: ${Date.now() - started} ms`);
  });

  it('follows the page size setting', async () => {
    await vscode.workspace.getConfiguration('lambdaWorkbench').update('explorer.pageSize', 7, vscode.ConfigurationTarget.Global);
    api.views.refresh();
    const first = await rows(fp);
    assert.equal(ofKind(first, 'function').length, 7);
    assert.equal(first[first.length - 1].contextValue, 'loadMore');
  });
});
