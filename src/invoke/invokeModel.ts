import * as path from 'path';
import { lazyBundle } from '../core/lazy';

type InvokeModule = typeof import('./model');

const bundle = lazyBundle<InvokeModule>('invoke.js', () => path.join(__dirname, 'model'));

/** dist/invoke.js: payload checks, log decoding, result formatting (loaded on the first invoke). */
export function loadInvokeModel(): InvokeModule {
  return bundle.load();
}
