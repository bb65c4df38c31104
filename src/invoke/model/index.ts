/**
 * Entry of dist/invoke.js: invoke logic that does not need VS Code (payload checks, log and
 * REPORT decoding, result formatting, templates, pairings). Loaded on the first invoke
 * (src/invoke/invokeModel.ts), which gives it the translator.
 */
export { setTranslator } from '../../shared/l10n';
export * from './clientContext';
export * from './format';
export * from './invokeParams';
export * from './jsoncStrip';
export * from './limits';
export * from './logResult';
export * from './pairings';
export * from './payloadCheck';
export * from './payloadErrors';
export * from './payloadFile';
export * from './payloadTemplates';
export * from './report';
export * from './utf8';
export { lineColumnAt } from '../../shared/json/text';
export * from './stream';
