import * as path from 'path';
import { lazyBundle } from '../core/lazy';

type ConfigModule = typeof import('./model');

const bundle = lazyBundle<ConfigModule>('config.js', () => path.join(__dirname, 'model'));

/** dist/config.js: config-file parsing, validation and plans (loaded on first use). */
export function loadConfigModel(): ConfigModule {
  return bundle.load();
}
