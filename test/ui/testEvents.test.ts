/**
 * UI: the Lambda console's shareable test events in the real workbench (code-server +
 * Chromium), the extension installed as from its .vsix and pointed at the emulator: expand a
 * function's "Test events", click an Event test event (the output says 202), then share a
 * payload file from the Explorer's context menu (function, name, the question, the result in
 * the emulator's registry). Saves docs/images/test-events.png.
 */
import * as assert from 'node:assert/strict';
import { DEMO_REGION, type Emulator } from '../emulator';
import type { Workbench } from '../harness/workbench';
import { closeWalkthrough, demoSession } from './session';
import { choosePickItem, clickDialogButton, clickMenuItem, dialog, nls, openContextMenu, quickInput, restPointer, setSideBarWidth, sideBarRow, waitForNotification, waitForOutputPanel } from './support';

describe('UI: shareable test events', function () {
  this.timeout(300_000);
  const session = demoSession();
  let emulator: Emulator;
  let wb: Workbench;
  before(() => ({ emulator, wb } = session.started()));

  it('tree: hello-world → Test events shows the console events; a click on the Event one invokes it asynchronously (202)', async () => {
    const page = wb.page;
    await closeWalkthrough(wb);
    await wb.openView();
    await setSideBarWidth(page, 430);
    await (await wb.waitForTreeItem('hello-world', { timeout: 60_000 })).click();
    await (await wb.waitForTreeItem('Test events')).click();
    await wb.waitForTreeItem('greet-ada');
    const grace = await wb.waitForTreeItem('greet-grace-async');
    await restPointer(page);
    await page.waitForTimeout(300);
    await wb.screenshot('docs/images/test-events.png');

    await grace.click();
    await waitForOutputPanel(page, [/^=== hello-world \(us-east-1\) · Event · /m, /^Payload: shareable test event "greet-grace-async" \(\d+ bytes\)$/m, /^Status: 202$/m]);
    assert.ok(emulator.store.invocations.some((i) => i.invocationType === 'Event' && /:function:hello-world$/.test(i.functionArn)), 'the emulator got the Event invocation');
    await page.keyboard.press('Control+J'); // hide the panel
  });

  it('explorer: Save as Shareable Test Event… on a payload file writes it to the registry as the console does', async () => {
    const page = wb.page;
    await page.locator('.part.activitybar .action-item .action-label[aria-label^="Explorer"]').click();
    const folder = sideBarRow(page, 'payloads');
    await folder.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await folder.getAttribute('aria-expanded')) !== 'true') {
      await folder.click();
    }
    const file = sideBarRow(page, 'order-ok.json');
    await file.waitFor({ state: 'visible', timeout: 10_000 });
    await openContextMenu(page, file);
    await clickMenuItem(page, nls('command.saveTestEvent'));

    await choosePickItem(page, 'order-processor');
    // The name, offered from the file name.
    const box = quickInput(page).locator('input');
    await box.waitFor({ state: 'visible', timeout: 30_000 });
    // The same widget held the function's filter a moment ago: wait for the name's own value.
    for (let i = 0; i < 120 && (await box.inputValue()) === 'order-processor'; i++) {
      await page.waitForTimeout(250);
    }
    assert.equal(await box.inputValue(), 'order-ok');
    await box.fill('from-vscode');
    await page.keyboard.press('Enter');
    // The question names the account; Save.
    await dialog(page).waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await dialog(page).innerText(), /account 111111111111 \(us-east-1\)/);
    await clickDialogButton(page, 'Save');
    await waitForNotification(page, /Saved "from-vscode" as a shareable test event of order-processor/);

    const schema = emulator.services.schemas.getRegistry('111111111111', DEMO_REGION, 'lambda-testevent-schemas')?.schemas.get('_order-processor-schema');
    assert.ok(schema, 'the schema of order-processor');
    const doc = JSON.parse(emulator.services.schemas.latest(schema).content) as { components: { examples: Record<string, { 'x-metadata'?: { invocationType: string } }> } };
    assert.deepEqual(Object.keys(doc.components.examples), ['order-ok', 'from-vscode']);
    assert.deepEqual(doc.components.examples['from-vscode']['x-metadata'], { invocationType: 'RequestResponse' });
  });
});
