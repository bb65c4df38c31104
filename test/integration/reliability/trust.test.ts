/**
 * Workspace settings in the real VS Code. The harness starts VS Code with
 * --disable-workspace-trust, so this window is trusted and an untrusted one cannot be made
 * here: the untrusted decisions are unit-tested (test/unit/reliability/settingsPolicy.test.ts).
 * What is proved here: a workspace's .vscode/settings.json cannot send the signed requests
 * elsewhere (the endpoint is an application setting), while, trusted, its profile applies.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/api';
import { DEMO_FUNCTIONS, DEMO_REGION, type Emulator, OTHER_ACCOUNT } from '../../emulator';
import { configure, setup, waitFor } from '../support';
import { ofKind, rows } from '../tree/treeSupport';
import { workspaceRoot } from './helpers';

describe('Security: workspace settings cannot redirect signed requests', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let api: TestHooks;
  let settingsFile: string;

  before(async () => {
    ({ emulator, api } = await setup());
    settingsFile = path.join(workspaceRoot().fsPath, '.vscode', 'settings.json');
    assert.ok(!fs.existsSync(settingsFile), 'the test workspace has no settings of its own');
  });

  after(async () => {
    fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
    await waitFor('the workspace settings to be gone', () => vscode.workspace.getConfiguration('lambdaWorkbench').inspect<string>('profile')?.workspaceValue === undefined);
    await configure({ profile: 'demo', regions: ['us-east-1'], endpoint: emulator.endpoint });
  });

  it('W1 this window is trusted (the harness disables workspace trust)', () => {
    assert.equal(vscode.workspace.isTrusted, true);
  });

  it('W2 a workspace endpoint is ignored; the workspace profile applies (trusted) and requests still go to the user endpoint', async () => {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ 'lambdaWorkbench.endpoint': 'http://attacker.invalid:9', 'lambdaWorkbench.profile': 'other' }, null, 2));
    await waitFor('VS Code to read the workspace settings', () => vscode.workspace.getConfiguration('lambdaWorkbench').inspect<string>('profile')?.workspaceValue === 'other');
    await waitFor('the connection to follow', () => api.connection.profile === 'other');
    assert.equal(api.connection.endpoint, emulator.endpoint, 'the endpoint is still the user setting');

    const before = emulator.requests.length;
    api.views.refresh();
    const top = await rows(api.views.functionsProvider);
    assert.deepEqual(ofKind(top, 'function').map((r) => r.label), [...DEMO_FUNCTIONS[OTHER_ACCOUNT][DEMO_REGION]], `the workspace's profile (other account) was used: ${top.map((r) => `${r.label} ${r.description}`).join('; ')}`);
    assert.ok(emulator.requests.slice(before).some((r) => r.operation === 'ListFunctions' && r.account === OTHER_ACCOUNT), 'the listing reached the emulator');
  });
});
