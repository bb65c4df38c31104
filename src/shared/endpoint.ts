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
