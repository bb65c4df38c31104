import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import type { Workbench } from '../workbench';
import { setMappingEnabled } from './setMappingEnabled';

/** Enable Event Source Mapping (inline ▶ on a disabled mapping, or from the palette). */
export function enableMapping(wb: Workbench, node?: unknown): Promise<EventSourceMappingConfiguration> {
  return setMappingEnabled(wb, true, node);
}
