/**
 * Entry of dist/aws.js: everything that needs the AWS SDK. The extension requires this
 * bundle on first use, never at activation.
 */
export { ClientCache, createLambdaClient, connectionKey } from './connection';
export type { ConnectionOptions } from './connection';
export { LambdaService } from './service';
export type { Page, CallOptions, InvokeRequest, InvokeResponse } from './service';
export { listProfiles, defaultRegion } from './profiles';
export type { ProfileInfo } from './profiles';
