/**
 * Entry of dist/testEvents.js: the shareable test events' document model and the store that
 * reads and writes them through the Schemas API. Loaded on first use (src/testEvents/testEventsModel.ts),
 * which gives it the translator.
 */
export { setTranslator } from '../../shared/l10n';
export * from './document';
export * from './store';
export * from './versions';
