/**
 * The bundles that are loaded on first use, never at activation: dist/aws.js (the AWS SDK
 * and the data layer), dist/config.js (config validation) and dist/invoke.js (payload
 * checks, log decoding and result formatting).
 * When running from compiled sources (out/, unit-style), the modules are required directly.
 */
import * as path from 'path';

type AwsModule = typeof import('../aws');
type ConfigModule = typeof import('../config/model');
type InvokeModule = typeof import('../invoke/model');

let aws: AwsModule | undefined;
let config: ConfigModule | undefined;
let invoke: InvokeModule | undefined;

function load<T>(bundle: string, fallback: string): T {
  const bundled = path.join(__dirname, bundle);
  // In the packaged extension __dirname is dist/, which holds the lazy bundles.
  return path.basename(__dirname) === 'dist' ? (require(bundled) as T) : (require(fallback) as T);
}

export function loadAws(): AwsModule {
  aws ??= load<AwsModule>('aws.js', '../aws');
  return aws;
}

export function loadConfig(): ConfigModule {
  config ??= load<ConfigModule>('config.js', '../config/model');
  return config;
}

export function loadInvokeModel(): InvokeModule {
  invoke ??= load<InvokeModule>('invoke.js', '../invoke/model');
  return invoke;
}

export function isAwsLoaded(): boolean {
  return aws !== undefined;
}
