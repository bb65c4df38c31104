/**
 * UI (ja): with VS Code's display language set to Japanese (`--locale ja`; VS Code's own UI
 * stays English because no real language pack is installed, see docs/testing.md), what the
 * extension contributes is Japanese where a person sees it: the view titles, the tree, the
 * command palette, and the schema hover in a config file. Saves docs/images/locale-ja.png.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_REGION, Emulator, fixtures, startEmulator } from '../emulator';
import { REPO_ROOT } from '../harness/paths';
import { startWorkbench, Workbench } from '../harness/workbench';
import { escapeRegExp, quickInput, restPointer, setSideBarWidth, sideBarRow } from './support';

const LANGUAGE = 'ja';

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')) as T;
}

describe(`UI (${LANGUAGE}): the extension in Japanese`, function () {
  this.timeout(300_000);
  let emulator: Emulator;
  let wb: Workbench;
  const nls = readJson<Record<string, string>>(`package.nls.${LANGUAGE}.json`);
  const bundle = readJson<Record<string, string>>(`l10n/bundle.l10n.${LANGUAGE}.json`);

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', quiet: true });
    wb = await startWorkbench({
      locale: LANGUAGE,
      workspace: fixtures.demoWorkspace,
      aws: { endpoint: emulator.endpoint, profile: 'demo', regions: [DEMO_REGION], credentialsFile: fixtures.credentialsFile, configFile: fixtures.configFile },
    });
  });

  after(async () => {
    await wb?.stop();
    await emulator?.stop();
  });

  it('views, tree, command palette and schema hover are Japanese', async () => {
    const page = wb.page;
    await wb.openView();
    await wb.viewTitle(nls['view.functions']).waitFor({ state: 'visible', timeout: 30_000 });
    await wb.viewTitle(nls['view.mappings']).waitFor({ state: 'visible', timeout: 30_000 });
    await wb.closeEditors();

    // The tree's own labels come from l10n/bundle.l10n.ja.json.
    await (await wb.waitForTreeItem('hello-world', { timeout: 60_000 })).click();
    await sideBarRow(page, bundle['Versions']).waitFor({ state: 'visible', timeout: 30_000 });
    await sideBarRow(page, bundle['Aliases']).waitFor({ state: 'visible', timeout: 30_000 });

    // The command palette lists the commands by their Japanese titles.
    const title = `${nls['category']}: ${nls['command.invoke']}`;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${nls['command.invoke'].replace(/…$/, '')}`);
    await page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ hasText: new RegExp(escapeRegExp(title)) })
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Escape');
    await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });

    // Hovering a field of a config file shows the Japanese schema (schemas/ja/, through the localized jsonValidation url).
    const schema = readJson<{ properties: Record<string, { markdownDescription: string }> }>(`schemas/${LANGUAGE}/event-invoke-config.schema.json`);
    const expected = schema.properties.MaximumRetryAttempts.markdownDescription.split('\n')[0];
    await wb.closeEditors(); // the walkthrough, if it opened late
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type('order-processor.event-invoke-config.json');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: 'order-processor.event-invoke-config.json' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const key = page.locator('.part.editor .monaco-editor .view-line span', { hasText: /^"MaximumRetryAttempts"$/ }).first();
    await key.waitFor({ state: 'visible', timeout: 30_000 });
    await setSideBarWidth(page, 360);
    const hover = page.locator('.part.editor .monaco-hover').filter({ hasText: expected }).first();
    // The JSON language server may need a moment to load the schema: hover again until it answers.
    for (let attempt = 0; attempt < 10 && !(await hover.isVisible()); attempt++) {
      const box = await key.boundingBox();
      assert.ok(box);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2, { steps: 3 });
      await hover.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
    }
    await hover.waitFor({ state: 'visible', timeout: 5_000 });
    await page.waitForTimeout(300);
    await wb.screenshot(`docs/images/locale-${LANGUAGE}.png`);
    await restPointer(page);
  });
});
