export class LocalizedMetadataPlugin {
  constructor(options: { source: string; output: string; localizer: string; table: string });
  apply(compiler: unknown): void;
}
export function localizeWith(
  metadataJson: string,
  files: { localizer: string; table: string },
): { json: string; files: string[] };
export function pickTable(moduleExports: Record<string, unknown>, file: string): unknown;
