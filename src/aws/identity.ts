/**
 * Which account a connection's credentials belong to: STS GetCallerIdentity, signed as the
 * Lambda calls are (same profile, region and endpoint). Pure: no vscode import.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { credentialProvider, type ConnectionOptions } from './clients';

export interface CallerIdentity {
  account: string;
  arn?: string;
}

/** The caller identity of the connection's credentials. */
export async function callerIdentity(o: ConnectionOptions, signal?: AbortSignal): Promise<CallerIdentity> {
  const client = new STSClient({
    region: o.region,
    credentials: credentialProvider(o.profile),
    endpoint: o.endpoint || undefined,
    maxAttempts: o.maxAttempts ?? 2,
  });
  try {
    const out = await client.send(new GetCallerIdentityCommand({}), signal ? { abortSignal: signal } : {});
    if (!out.Account) {
      throw new Error('GetCallerIdentity answered no account');
    }
    return { account: out.Account, arn: out.Arn };
  } finally {
    client.destroy();
  }
}
