import * as path from 'path';
import { lazyBundle } from '../core/lazy';

type LogsModule = typeof import('./model');

const bundle = lazyBundle<LogsModule>('logs.js', () => path.join(__dirname, 'model'));

/** dist/logs.js: the full log's assembly and the live tail's lines (loaded on first use). */
export function loadLogsModel(): LogsModule {
  return bundle.load();
}
