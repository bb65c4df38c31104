import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import type { Workbench } from '../workbench';
import { setMappingEnabled } from './setMappingEnabled';

/** Disable Event Source Mapping (inline ⏸ on an enabled mapping, or from the palette). */
export function disableMapping(wb: Workbench, node?: unknown): Promise<EventSourceMappingConfiguration> {
  return setMappingEnabled(wb, false, node);
}
