/** Which codicon (and theme colour) a node shows. Pure: ids and colour ids, not vscode objects. */

export interface IconSpec {
  /** A codicon id, e.g. `pass` or `sync~spin`. */
  id: string;
  /** A theme colour id, e.g. `charts.green`. */
  color?: string;
}

/** Enabled = pass (green), Disabled = circle-slash, transitions = spinning sync, Deleting = trash. */
export function mappingStateIcon(state: string | undefined): IconSpec {
  switch (state) {
    case 'Enabled':
      return { id: 'pass', color: 'charts.green' };
    case 'Disabled':
      return { id: 'circle-slash' };
    case 'Creating':
    case 'Updating':
    case 'Enabling':
    case 'Disabling':
      return { id: 'sync~spin' };
    case 'Deleting':
      return { id: 'trash' };
    default:
      return { id: 'question' };
  }
}


/** A function's icon: its state when that is not Active. */
export function functionStateIcon(state: string | undefined, lastUpdateStatus?: string): IconSpec {
  if (state === 'Failed' || lastUpdateStatus === 'Failed') {
    return { id: 'error', color: 'errorForeground' };
  }
  if (state === 'Pending' || lastUpdateStatus === 'InProgress') {
    return { id: 'sync~spin' };
  }
  if (state === 'Inactive') {
    return { id: 'debug-pause' };
  }
  return { id: 'symbol-function' };
}

export const GROUP_ICONS = {
  versions: 'versions',
  aliases: 'tag',
  invokeConfigs: 'settings-gear',
  mappings: 'plug',
} as const;
