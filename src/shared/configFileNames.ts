/**
 * Which files are config files, and of which kind, by their names: the one definition that
 * the config model, the payload commands, the document selectors and the manifest's `when`
 * clauses (checked by a test against package.json) agree on. Pure.
 */

/** The two kinds of config files, recognised by their names. */
export type ConfigKind = 'eventInvokeConfig' | 'eventSourceMapping';

/** The name endings, without `.json` / `.jsonc`. */
export const CONFIG_SUFFIXES: Readonly<Record<ConfigKind, string>> = {
  eventInvokeConfig: 'event-invoke-config',
  eventSourceMapping: 'event-source-mapping',
};

const KIND_PATTERNS: ReadonlyArray<[ConfigKind, RegExp]> = [
  ['eventInvokeConfig', /\.event-invoke-config\.jsonc?$/i],
  ['eventSourceMapping', /\.event-source-mapping\.jsonc?$/i],
];

/** The kind of a config file from its name or path, or undefined for any other file. */
export function configKindOf(fileName: string): ConfigKind | undefined {
  for (const [kind, re] of KIND_PATTERNS) {
    if (re.test(fileName)) {
      return kind;
    }
  }
  return undefined;
}

/** True for a config file name or path (either kind). */
export function isConfigFileName(fileName: string): boolean {
  return configKindOf(fileName) !== undefined;
}

/** `.jsonc` files may hold comments and trailing commas; `.json` files are what the AWS CLI reads. */
export function isJsoncFile(fileName: string): boolean {
  return /\.jsonc$/i.test(fileName);
}

/** A JSON file name or path (`.json` or `.jsonc`). */
export function isJsonFileName(fileName: string): boolean {
  return /\.jsonc?$/i.test(fileName);
}

/** A file that can be a payload: a JSON file that is not a config file. */
export function isPayloadFileName(fileName: string): boolean {
  return isJsonFileName(fileName) && !isConfigFileName(fileName);
}

/** Glob patterns of the config files of a kind (document selectors, jsonValidation). */
export function configGlob(kind: ConfigKind): string {
  return `**/*.${CONFIG_SUFFIXES[kind]}.{json,jsonc}`;
}

/**
 * The `when` clauses of the manifest's menus, written here once; the manifest test checks that
 * package.json uses exactly these.
 */
export const WHEN = {
  payloadFile: 'resourceExtname =~ /^\\.jsonc?$/ && !(resourceFilename =~ /\\.(event-invoke-config|event-source-mapping)\\.jsonc?$/)',
  eventInvokeConfigFile: 'resourceFilename =~ /\\.event-invoke-config\\.jsonc?$/',
  eventSourceMappingFile: 'resourceFilename =~ /\\.event-source-mapping\\.jsonc?$/',
  configFile: 'resourceFilename =~ /\\.(event-invoke-config|event-source-mapping)\\.jsonc?$/',
} as const;
