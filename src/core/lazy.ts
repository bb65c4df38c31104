/**
 * Bundles loaded on first use, never at activation: dist/aws.js (the AWS SDK and the data
 * layer) here; the features load theirs (dist/invoke.js, dist/config.js) with `lazyBundle`.
 * Each bundle has its own copy of the translation hook (src/shared/l10n.ts): it is given
 * `vscode.l10n.t` when loaded, so what it says is translated like the rest.
 * When running from compiled sources (out/), the modules are required directly.
 */
import * as path from 'path';
import * as vscode from 'vscode';

type AwsModule = typeof import('../aws');

/** What every lazy bundle's entry exports besides its own API. */
export interface LazyBundle {
  setTranslator(translate: (message: string, ...args: Array<string | number | boolean>) => string): void;
}

/**
 * A loader of `dist/<bundle>` (or, outside dist/, of `sourcePath()`): loads once, hands the
 * bundle the translator, and keeps it.
 */
export function lazyBundle<T extends LazyBundle>(bundle: string, sourcePath: () => string): { load(): T; loaded(): boolean } {
  let mod: T | undefined;
  return {
    load(): T {
      if (!mod) {
        // In the packaged extension __dirname is dist/, which holds the lazy bundles.
        const file = path.basename(__dirname) === 'dist' ? path.join(__dirname, bundle) : sourcePath();
        const loaded = require(file) as T;
        loaded.setTranslator(vscode.l10n.t);
        mod = loaded;
      }
      return mod;
    },
    loaded: () => mod !== undefined,
  };
}

const aws = lazyBundle<AwsModule>('aws.js', () => path.join(__dirname, '..', 'aws'));

export function loadAws(): AwsModule {
  return aws.load();
}

export function isAwsLoaded(): boolean {
  return aws.loaded();
}
