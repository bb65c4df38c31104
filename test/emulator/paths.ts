import * as fs from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = 'lambda-workbench';

let cachedRoot: string | undefined;

/**
 * The repository root: the first folder above the compiled code whose package.json is named
 * "lambda-workbench". The emulator's functions and fixtures are plain files in the source tree
 * (test/emulator/...), so compiled code (out/test/emulator/...) finds them from there.
 */
export function repoRoot(): string {
  if (cachedRoot) {
    return cachedRoot;
  }
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        const json = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string };
        if (json.name === PACKAGE_NAME) {
          cachedRoot = dir;
          return dir;
        }
      } catch {
        // not ours: keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`Cannot find the ${PACKAGE_NAME} repository root above ${__dirname}`);
    }
    dir = parent;
  }
}

/** Source folder of the emulator (test/emulator), holding functions/, fixtures/ and demo-workspace/. */
export function emulatorSourceDir(): string {
  return path.join(repoRoot(), 'test', 'emulator');
}

export function functionsDir(): string {
  return path.join(emulatorSourceDir(), 'functions');
}

export function fixturesDir(): string {
  return path.join(emulatorSourceDir(), 'fixtures');
}

export function demoWorkspaceDir(): string {
  return path.join(emulatorSourceDir(), 'demo-workspace');
}

/** Absolute paths of the shared-config style fixture files (profiles demo, other, default, unknown). */
export const fixtures = {
  get credentialsFile(): string {
    return path.join(fixturesDir(), 'aws', 'credentials');
  },
  get configFile(): string {
    return path.join(fixturesDir(), 'aws', 'config');
  },
  get demoWorkspace(): string {
    return demoWorkspaceDir();
  },
  get functionsDir(): string {
    return functionsDir();
  },
};
