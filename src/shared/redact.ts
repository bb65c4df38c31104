/**
 * Removes credentials and signatures from text before it is logged or shown. Error messages
 * of AWS can quote them: an IncompleteSignatureException quotes the Authorization header, an
 * InvalidSignatureException quotes the canonical request, with the `x-amz-security-token`
 * header of temporary (SSO, role) credentials. Pure: no vscode.
 */

export const REDACTED = '<redacted>';

const RULES: ReadonlyArray<[RegExp, string]> = [
  // Header or query parameter values: `Authorization: AWS4-HMAC-SHA256 Credential=…`,
  // `x-amz-security-token:…`, `X-Amz-Signature=…`, `X-Amz-Credential=…`.
  [/\b(authorization["']?\s*[:=]\s*["']?)(?!<redacted>)[^\r\n'"]+/gi, `$1${REDACTED}`],
  [/\b(x-amz-(?:security-token|signature|credential)["']?\s*[:=]\s*["']?)(?!<redacted>)[^\s&'",;]+/gi, `$1${REDACTED}`],
  // The parts of a SigV4 Authorization value quoted on their own.
  [/\b(Signature\s*=\s*)[0-9a-fA-F]{16,}/g, `$1${REDACTED}`],
  [/\b(Credential\s*=\s*)[A-Z0-9]{16,128}(?=\/)/g, `$1${REDACTED}`],
  // Shared config / credentials file lines and JSON of credential_process or SSO answers.
  [/\b(aws_(?:secret_access_key|session_token|security_token)\s*=\s*)\S+/gi, `$1${REDACTED}`],
  [/("(?:secretAccessKey|SecretAccessKey|sessionToken|SessionToken|accessToken|refreshToken|clientSecret)"\s*:\s*)"[^"]*"/g, `$1"${REDACTED}"`],
  // Access key ids (long-term AKIA…, temporary ASIA…).
  [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, REDACTED],
];

/** `text` with credentials, session tokens, signatures and Authorization values replaced by `<redacted>`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [re, replacement] of RULES) {
    out = out.replace(re, replacement);
  }
  return out;
}
