/**
 * What `npm run demo` starts VS Code with (test/harness/demo.ts), shared with the UI test that
 * checks the demo is the VS Code a user gets (test/ui/demo.test.ts): the settings, the
 * environment, and no smoke-test driver, so notifications (progress with Cancel, results)
 * show as toasts.
 */
import { fixtures } from '../emulator';

export const DEMO_PROFILE = 'demo';
export const DEMO_REGIONS: readonly string[] = ['us-east-1', 'eu-west-1'];

/** The user settings of the demo's VS Code, for an emulator at `endpoint`. */
export function demoSettings(endpoint: string): Record<string, unknown> {
  return {
    'lambdaWorkbench.endpoint': endpoint,
    'lambdaWorkbench.profile': DEMO_PROFILE,
    'lambdaWorkbench.regions': [...DEMO_REGIONS],
    // The extension opens its walkthrough on the first run; a README preview opened at
    // startup would cover it. The workspace's README.md stays one click away in the Explorer.
    'workbench.startupEditor': 'none',
  };
}

/** The environment of the demo's server and extension host: the emulator's profiles. */
export function demoEnv(): NodeJS.ProcessEnv {
  return {
    AWS_SHARED_CREDENTIALS_FILE: fixtures.credentialsFile,
    AWS_CONFIG_FILE: fixtures.configFile,
  };
}

/** The demo's VS Code is VS Code as a user gets it: no smoke-test driver. */
export const DEMO_SMOKE_TEST_DRIVER = false;
