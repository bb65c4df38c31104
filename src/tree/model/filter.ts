/** The name filter of the Functions view. Pure. */

/** The filter as typed, trimmed; undefined when it is empty. */
export function normalizeFilter(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** A case-insensitive substring test for `filter`; undefined when there is no filter. */
export function nameMatcher(filter: string | undefined): ((name: string | undefined) => boolean) | undefined {
  const needle = normalizeFilter(filter)?.toLocaleLowerCase();
  if (needle === undefined) {
    return undefined;
  }
  return (name) => name !== undefined && name.toLocaleLowerCase().includes(needle);
}
