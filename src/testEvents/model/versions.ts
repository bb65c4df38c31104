/** Which schema versions to delete after a save: the SAM CLI keeps the latest 5. Pure. */

export const MAX_TEST_EVENT_SCHEMA_VERSIONS = 5;

/** The versions beyond the newest `keep`, oldest first (versions are numbers as strings). */
export function versionsToPrune(versions: readonly string[], keep = MAX_TEST_EVENT_SCHEMA_VERSIONS): string[] {
  const sorted = [...versions].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  return sorted.slice(0, Math.max(0, sorted.length - keep));
}
