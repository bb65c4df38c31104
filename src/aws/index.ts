/**
 * Entry of dist/aws.js: everything that needs the AWS SDK. The extension requires this
 * bundle on first use, never at activation (src/core/lazy.ts), and gives it the translator.
 */
export { setTranslator } from '../shared/l10n';
export { ClientCache, createLambdaClient, createLogsClient, connectionKey } from './clients';
export type { ConnectionOptions } from './clients';
export { LambdaService } from './service';
export type { Page, CallOptions, SettleOptions, InvokeRequest, InvokeResponse, LambdaReader } from './service';
export { LogsService, LiveTailEnded } from './logs';
export type { LogEventItem, FilterQuery, StreamQuery, LiveTailMessage } from './logs';
export { listProfiles, defaultRegion } from './profiles';
export { callerIdentity } from './identity';
export type { CallerIdentity } from './identity';
export type { ProfileInfo } from './profiles';
export { SchemaService, createSchemasClient } from './schemas';
export type { SchemaCallOptions } from './schemas';
export { INVOKE_MODE_TTL_MS } from './invokeStream';
export type { InvokeMode, InvokeStreamRequest, InvokeStreamResponse, StreamEvent } from './invokeStream';
