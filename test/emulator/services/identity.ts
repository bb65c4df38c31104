import { createHash } from 'node:crypto';
import type { KnownKey } from '../constants';

/** Who a fixture key belongs to: an IAM user named after its profile, in the key's account. */
export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function callerIdentity(key: KnownKey): CallerIdentity {
  // IAM user ids are AIDA followed by 17 characters; derive them from the access key so they are stable.
  const digest = createHash('sha256').update(key.accessKeyId).digest();
  let id = 'AIDA';
  for (let i = 0; i < 17; i++) {
    id += BASE32[digest[i] % 32];
  }
  return { account: key.account, arn: `arn:aws:iam::${key.account}:user/${key.profile}`, userId: id };
}

/** The permission error message AWS gives when an identity policy does not allow an action. */
export function notAuthorizedMessage(key: KnownKey, action: string, resource: string): string {
  return `User: ${callerIdentity(key).arn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}
