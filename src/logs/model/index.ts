/**
 * Entry of dist/logs.js: the full log of an invocation and the live tail's lines, without VS
 * Code. Loaded on first use (src/logs/logsModel.ts), which gives it the translator.
 */
export { setTranslator } from '../../shared/l10n';
export * from './errors';
export * from './format';
export * from './invocationLog';
