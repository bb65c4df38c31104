/**
 * Entry of dist/aws.js: everything that needs the AWS SDK. The extension requires this
 * bundle on first use, never at activation (src/core/lazy.ts), and gives it the translator.
 */
export { setTranslator } from '../shared/l10n';
export { ClientCache, createLambdaClient, connectionKey } from './clients';
export type { ConnectionOptions } from './clients';
export { LambdaService } from './service';
export type { Page, CallOptions, SettleOptions, InvokeRequest, InvokeResponse, LambdaReader } from './service';
export { listProfiles, defaultRegion } from './profiles';
export { callerIdentity } from './identity';
export type { CallerIdentity } from './identity';
export type { ProfileInfo } from './profiles';
