/** The states of an event source mapping, as Lambda names them. Pure. */

export type MappingStateName = 'Creating' | 'Enabling' | 'Enabled' | 'Disabling' | 'Disabled' | 'Updating' | 'Deleting';

/** True while a mapping is between states (it will change on its own). */
export function isTransitionalState(state: string | undefined): boolean {
  return state === 'Creating' || state === 'Enabling' || state === 'Disabling' || state === 'Updating' || state === 'Deleting';
}
