/**
 * The set-up most UI test files share: the emulator seeded with the demo functions and a
 * workbench on the demo workspace pointed at it, started before the file's tests and stopped
 * after them; and closing the walkthrough that a first activation opens.
 */
import { DEMO_REGION, Emulator, fixtures, startEmulator } from '../emulator';
import { startWorkbench, Workbench, type WorkbenchOptions } from '../harness/workbench';

/** The connection to the emulator, as a user sets it up (profile demo, the demo region). */
export function demoAws(endpoint: string): NonNullable<WorkbenchOptions['aws']> {
  return { endpoint, profile: 'demo', regions: [DEMO_REGION], credentialsFile: fixtures.credentialsFile, configFile: fixtures.configFile };
}

export interface DemoSession {
  /** The emulator and the workbench (once `before` has run). */
  started(): { emulator: Emulator; wb: Workbench };
}

/**
 * Registers, in the calling `describe`, a `before` that starts the demo emulator and a
 * workbench on the demo workspace (with the options `options` gives for the emulator's
 * endpoint; by default connected to it as `demoAws` says) and an `after` that stops both.
 */
export function demoSession(options: (endpoint: string) => Omit<WorkbenchOptions, 'workspace'> = (endpoint) => ({ aws: demoAws(endpoint) })): DemoSession {
  let emulator: Emulator | undefined;
  let wb: Workbench | undefined;
  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', quiet: true });
    wb = await startWorkbench({ workspace: fixtures.demoWorkspace, ...options(emulator.endpoint) });
  });
  after(async () => {
    await wb?.stop();
    await emulator?.stop();
  });
  return {
    started() {
      if (!emulator || !wb) {
        throw new Error('the demo session has not started');
      }
      return { emulator, wb };
    },
  };
}

/**
 * Waits for the walkthrough a first activation opens, then closes it (with every editor). It
 * takes the focus as it draws, which can close the palette the closing goes through: tried again.
 */
export async function closeWalkthrough(wb: Workbench): Promise<void> {
  await wb.page.locator('.part.editor .gettingStartedContainer').waitFor({ state: 'visible', timeout: 60_000 });
  for (let attempt = 1; ; attempt++) {
    try {
      await wb.closeEditors();
      return;
    } catch (err) {
      if (attempt === 3) {
        throw err;
      }
      await wb.page.keyboard.press('Escape');
      await wb.page.waitForTimeout(1_000);
    }
  }
}
