/**
 * Workspace trust, as pure decisions (src/shared/settingsPolicy.ts): the integration tests run
 * with workspace trust disabled (the harness starts VS Code with --disable-workspace-trust), so
 * an untrusted window cannot be made there. These tests prove the decisions, the manifest that
 * declares them, and that the glue code uses these functions.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { needsTrustConfirmation, resolveConnectionSettings, trustedSettingValue, type ConnectionSettingValues } from '../../../src/shared/settingsPolicy';

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'src'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('the repository root was not found above the compiled tests');
    }
    dir = parent;
  }
  return dir;
}

interface ConfigProperty {
  scope?: string;
}
interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[]; description?: string } };
  contributes: { configuration: { properties: Record<string, ConfigProperty> } };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as Manifest;
const source = (rel: string) => fs.readFileSync(path.join(repoRoot(), rel), 'utf8');

/** A workspace that points the extension at its own profile, regions and endpoint. */
const hostile: ConnectionSettingValues = {
  profile: { value: 'prod-admin', globalValue: 'demo', defaultValue: '' },
  regions: { value: ['ap-south-1'], globalValue: ['us-east-1', ' eu-west-1 '], defaultValue: [] },
  endpoint: { value: 'http://attacker.example:80', globalValue: 'http://127.0.0.1:4599', defaultValue: '' },
};

describe('Reliability: workspace trust decisions (settingsPolicy)', () => {
  describe('connection settings', () => {
    it('trusted: profile and regions are the merged values (workspace included); the endpoint is the user value only', () => {
      assert.deepEqual(resolveConnectionSettings(hostile, true), { profile: 'prod-admin', regions: ['ap-south-1'], endpoint: 'http://127.0.0.1:4599' });
    });

    it('untrusted: profile and regions come from the user settings, never from the workspace', () => {
      assert.deepEqual(resolveConnectionSettings(hostile, false), { profile: 'demo', regions: ['us-east-1', 'eu-west-1'], endpoint: 'http://127.0.0.1:4599' });
    });

    it('untrusted without user values: the defaults (default credential chain, profile region)', () => {
      const values: ConnectionSettingValues = {
        profile: { value: 'prod-admin', defaultValue: '' },
        regions: { value: ['ap-south-1'], defaultValue: [] },
        endpoint: { value: 'http://attacker.example:80', defaultValue: '' },
      };
      assert.deepEqual(resolveConnectionSettings(values, false), { profile: undefined, regions: [], endpoint: undefined });
    });

    it('the endpoint is never taken from a workspace, trusted or not', () => {
      const values: ConnectionSettingValues = { profile: {}, regions: {}, endpoint: { value: 'http://attacker.example:80', defaultValue: '' } };
      assert.equal(resolveConnectionSettings(values, true).endpoint, undefined);
      assert.equal(resolveConnectionSettings(values, false).endpoint, undefined);
    });

    it('values of the wrong type are ignored, blanks trimmed', () => {
      const values: ConnectionSettingValues = {
        profile: { value: 42 as unknown as string },
        regions: { value: 'us-east-1' },
        endpoint: { globalValue: '  https://lambda.example.com  ' },
      };
      assert.deepEqual(resolveConnectionSettings(values, true), { profile: undefined, regions: [], endpoint: 'https://lambda.example.com' });
      assert.deepEqual(resolveConnectionSettings({ ...values, regions: { value: ['', ' ', 7, 'eu-west-1'] } }, true).regions, ['eu-west-1']);
    });

    it('trustedSettingValue: merged when trusted; user, then default, when not', () => {
      assert.equal(trustedSettingValue({ value: 'w', globalValue: 'u', defaultValue: 'd' }, true), 'w');
      assert.equal(trustedSettingValue({ value: 'w', globalValue: 'u', defaultValue: 'd' }, false), 'u');
      assert.equal(trustedSettingValue({ value: 'w', defaultValue: 'd' }, false), 'd');
    });
  });

  describe('sending a file asks first in an untrusted workspace', () => {
    it('a payload or config file on disk asks when untrusted', () => {
      assert.equal(needsTrustConfirmation(false, { kind: 'document', scheme: 'file' }), true);
      assert.equal(needsTrustConfirmation(false, { kind: 'document', scheme: 'vscode-remote' }), true);
    });

    it('nothing asks in a trusted workspace', () => {
      assert.equal(needsTrustConfirmation(true, { kind: 'document', scheme: 'file' }), false);
      assert.equal(needsTrustConfirmation(true, { kind: 'empty' }), false);
    });

    it('an untitled editor (typed by the user) and the built-in empty payload do not ask', () => {
      assert.equal(needsTrustConfirmation(false, { kind: 'document', scheme: 'untitled' }), false);
      assert.equal(needsTrustConfirmation(false, { kind: 'empty' }), false);
    });
  });

  describe('the manifest and the glue code', () => {
    it('declares limited support for untrusted workspaces and restricts profile and regions', () => {
      const u = manifest.capabilities.untrustedWorkspaces;
      assert.equal(u.supported, 'limited');
      assert.ok(u.description, 'a description of what is limited');
      assert.deepEqual([...(u.restrictedConfigurations ?? [])].sort(), ['lambdaWorkbench.profile', 'lambdaWorkbench.regions']);
    });

    it('the endpoint setting is application scope (no workspace or folder value is ever applied)', () => {
      const props = manifest.contributes.configuration.properties;
      assert.equal(props['lambdaWorkbench.endpoint'].scope, 'application');
      assert.equal(props['lambdaWorkbench.profile'].scope, 'window');
      assert.equal(props['lambdaWorkbench.regions'].scope, 'window');
    });

    it('the connection, Invoke and Apply use these decisions', () => {
      assert.match(source('src/core/connection.ts'), /resolveConnectionSettings\(\s*\{[^]*\},\s*vscode\.workspace\.isTrusted,?\s*\)/);
      assert.match(source('src/invoke/invoker.ts'), /if \(needsTrustConfirmation\(vscode\.workspace\.isTrusted, /);
      assert.match(source('src/config/apply/configApplier.ts'), /if \(needsTrustConfirmation\(vscode\.workspace\.isTrusted, /);
      assert.match(source('src/invoke/invoker.ts'), /This workspace is not trusted\. Send \{0\} to \{1\}\?/);
      assert.match(source('src/config/apply/configApplier.ts'), /This workspace is not trusted\. Apply \{0\}, a file of this workspace, to your AWS account\?/);
    });
  });
});
