/**
 * UI: the "Lambda Invocations" output read at a glance, in the real workbench, in the Light,
 * Dark and High Contrast themes: each block starts (after its header) and ends with a one-line
 * outcome whose colour says how it went (succeeded, function error, not sent), labels and ids
 * stay in the text colour. Saves docs/images/invoke-output-{light,dark,high-contrast}.png.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { Workbench } from '../harness/workbench';
import { demoAws, demoSession } from './session';
import { choosePickItem, nls, quickInput, restPointer, waitForOutputPanel } from './support';

/** The themes (their label in the theme picker, and the class the workbench takes when it applies). */
const THEMES: Array<{ name: string; workbenchClass: string; file: string }> = [
  { name: 'Light Modern', workbenchClass: 'vs', file: 'docs/images/invoke-output-light.png' },
  { name: 'Dark Modern', workbenchClass: 'vs-dark', file: 'docs/images/invoke-output-dark.png' },
  { name: 'Dark High Contrast', workbenchClass: 'hc-black', file: 'docs/images/invoke-output-high-contrast.png' },
];

/**
 * The colours the output panel paints: the text colour, and the colour of the first token that
 * starts with each of `texts`. The editor draws its lines in frames (after a theme change, line
 * by line): asks again until every token is drawn, for up to 15 s.
 */
async function colours(page: Page, texts: string[]): Promise<{ text: string; tokens: Record<string, string | undefined> }> {
  const read = () =>
    page.locator('.part.panel .monaco-editor').first().evaluate((editor, wanted) => {
      // In the browser: no DOM types in this project's TypeScript, so the few used are declared here.
      type El = { textContent: string | null; querySelectorAll(s: string): ArrayLike<El>; querySelector(s: string): El | null };
      const colourOf = (e: El) => (globalThis as unknown as { getComputedStyle(e: El): { color: string } }).getComputedStyle(e).color;
      const root = editor as unknown as El;
      const spans = Array.from(root.querySelectorAll('.view-line span span'));
      const tokens: Record<string, string | undefined> = {};
      for (const w of wanted) {
        // The editor draws spaces as no-break spaces.
        const span = spans.find((s) => (s.textContent ?? '').replace(/\u00a0/g, ' ').startsWith(w));
        tokens[w] = span ? colourOf(span) : undefined;
      }
      const lines = root.querySelector('.view-lines');
      return { text: lines ? colourOf(lines) : '', tokens };
    }, texts);
  const until = Date.now() + 15_000;
  let c = await read();
  while (texts.some((t) => c.tokens[t] === undefined) && Date.now() < until) {
    await page.waitForTimeout(250);
    c = await read();
  }
  return c;
}

describe('UI: the invoke output at a glance, in three themes', function () {
  this.timeout(300_000);
  const session = demoSession((endpoint) => ({ aws: demoAws(endpoint), settings: { 'workbench.colorTheme': 'Default Light Modern' } }));
  let wb: Workbench;

  before(() => {
    ({ wb } = session.started());
    fs.writeFileSync(path.join(wb.workspace, 'payloads', 'broken.json'), '{\n  "orderId": "ord-1"\n  "amount": 3\n}\n');
  });

  async function invoke(functionName: string, payload: string): Promise<void> {
    const page = wb.page;
    await wb.runCommand(nls('command.invoke'));
    await choosePickItem(page, functionName);
    // $LATEST, an alias or a version, when the function has any; then the payload.
    const item = (label: string) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row .label-name', { hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&')}\\s*$`) });
    await item('$LATEST').or(item(payload)).first().waitFor({ state: 'visible', timeout: 30_000 });
    if (await item('$LATEST').isVisible()) {
      await page.keyboard.press('Enter');
    }
    await choosePickItem(page, payload);
    await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
  }

  it('success, function error and a refused payload: the outcome first and last, coloured by outcome', async () => {
    const page = wb.page;
    await wb.openView();
    await wb.waitForTreeItem('hello-world', { timeout: 60_000 });
    // The first activation opens the walkthrough (it would take the focus from the palette): wait for it, then close it.
    await page.locator('.part.editor .gettingStartedContainer').waitFor({ state: 'visible', timeout: 60_000 });
    await wb.closeEditors();
    // In this order, the end of the function error's block, the refused payload's and the
    // success's whole block are in view together at the end of the maximized panel.
    await invoke('order-processor', 'payloads/order-missing-id.json');
    await invoke('hello-world', 'payloads/broken.json');
    await invoke('hello-world', 'payloads/hello.json');
    const whole = await wb.waitForOutput('Lambda Invocations', /^✔ Succeeded$/m, { timeout: 60_000 });
    for (const block of whole.trim().split(/\n\n(?==== )/)) {
      const lines = block.split('\n');
      assert.match(lines[0], /^=== .* ===$/, block);
      assert.match(lines[1], /^[✔✖⊘■] /, block);
      assert.equal(lines[lines.length - 1], lines[1], `the outcome is first and last:\n${block}`);
    }
    await wb.showOutputChannel('Lambda Invocations');
    await wb.runCommand('View: Toggle Maximized Panel');
    await restPointer(page);
    await waitForOutputPanel(page, [/^✔ Succeeded$/m, /^✖ Function error \(Unhandled\): Error: /m, /^⊘ Not sent: Invalid JSON in payloads\/broken\.json at line 2, column 21: a comma \(,\) is expected\.$/m]);

    const seen: Record<string, Record<string, string | undefined>> = {};
    for (const theme of THEMES) {
      // As a person does: Ctrl+K Ctrl+T (Preferences: Color Theme), type the name, Enter.
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+T');
      // The list is long and drawn lazily: filter first, then take the row.
      await quickInput(page).waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.type(theme.name);
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused .label-name', { hasText: theme.name }).waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
      await page.locator(`.monaco-workbench.${theme.workbenchClass}`).waitFor({ state: 'attached', timeout: 30_000 });
      await page.waitForTimeout(500);
      const c = await colours(page, ['✔', '✖', '⊘', 'Payload', 'Request ID', '===']);
      seen[theme.name] = { text: c.text, ...c.tokens };
      await wb.screenshot(theme.file);
      assert.ok(c.tokens['✔'] && c.tokens['✖'] && c.tokens['⊘'], `${theme.name}: outcome tokens found`);
      assert.notEqual(c.tokens['✔'], c.text, `${theme.name}: a success is coloured`);
      assert.notEqual(c.tokens['✖'], c.text, `${theme.name}: a failure is coloured`);
      assert.notEqual(c.tokens['✔'], c.tokens['✖'], `${theme.name}: success and failure differ`);
      assert.equal(c.tokens['⊘'], c.tokens['✖'], `${theme.name}: not sent reads as a failure`);
      assert.equal(c.tokens.Payload, c.text, `${theme.name}: labels keep the text colour`);
      assert.equal(c.tokens['Request ID'], c.text, `${theme.name}: labels keep the text colour`);
    }
    console.log(`      colours: ${JSON.stringify(seen)}`);
    await wb.runCommand('View: Toggle Maximized Panel');
  });
});
