/** True when the endpoint's host is on this machine (loopback), where plain HTTP is fine. */
export function isLoopbackEndpoint(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname;
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * True when requests to the endpoint would travel unencrypted off this machine: not HTTPS and
 * not loopback (an endpoint that is not a URL counts as such). The extension warns once.
 */
export function needsInsecureEndpointWarning(endpoint: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(endpoint.trim()).protocol;
  } catch {
    return true;
  }
  return protocol !== 'https:' && !isLoopbackEndpoint(endpoint.trim());
}

/**
 * The custom Lambda endpoint in use, if any: the `lambdaWorkbench.endpoint` setting, else the
 * SDK's environment variables (`AWS_ENDPOINT_URL_LAMBDA`, then `AWS_ENDPOINT_URL`). Resources
 * there have no page in the AWS console.
 */
export function customEndpointInUse(setting: string | undefined, env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const value of [setting, env.AWS_ENDPOINT_URL_LAMBDA, env.AWS_ENDPOINT_URL]) {
    if (value && value.trim()) {
      return value.trim();
    }
  }
  return undefined;
}
