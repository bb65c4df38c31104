/** The names of the config files Edit and New write. Pure. */
import { functionNameOf, shortSourceName } from '../../shared/arn';
import { CONFIG_SUFFIXES } from '../../shared/configFileNames';
import { explicitQualifier } from '../../shared/lambdaTarget';

function safe(part: string): string {
  return part.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** `hello-world.live.event-invoke-config.json`; `$LATEST` is left out of the name. */
export function eventInvokeConfigFileName(functionName: string, qualifier: string | undefined, jsonc: boolean): string {
  const name = safe(functionNameOf(functionName));
  const q = explicitQualifier(qualifier);
  return `${name}${q ? `.${safe(q)}` : ''}.${CONFIG_SUFFIXES.eventInvokeConfig}.${jsonc ? 'jsonc' : 'json'}`;
}

/** `orders-queue.order-processor.3f6c2a8e.event-source-mapping.json`. */
export function eventSourceMappingFileName(m: { uuid: string; eventSourceArn?: string; functionArn?: string }, jsonc: boolean): string {
  const parts = [shortSourceName(m.eventSourceArn), m.functionArn ? functionNameOf(m.functionArn) : '', m.uuid.slice(0, 8)].filter((p) => p.length > 0).map(safe);
  return `${parts.join('.')}.${CONFIG_SUFFIXES.eventSourceMapping}.${jsonc ? 'jsonc' : 'json'}`;
}
