/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, loaded by webpack.config.js */
// Emits functions.zh-CN.json next to the functions.json that custom-functions-metadata-plugin
// generates from the JSDoc in src/functions/functions.ts. The translation is the functions
// engineers' code: src/functions/localizeMetadata.ts exports
// `localizeMetadata(metadataJson: string, table): string`, and src/functions/metadata.zh-CN.ts
// exports the table (its default export, or its one non-function export). The manifest points
// Excel at functions.zh-CN.json for zh-CN (a bt:Override on the metadata URL).
"use strict";

const path = require("node:path");
const { loadTypeScriptModule } = require("./load-ts.js");

const PLUGIN = "LocalizedMetadataPlugin";

/** The translation table a metadata.<locale>.ts module exports. */
function pickTable(moduleExports, file) {
  if (moduleExports && moduleExports.default !== undefined) return moduleExports.default;
  const candidates = Object.entries(moduleExports || {}).filter(
    ([name, v]) => name !== "__esModule" && typeof v !== "function",
  );
  if (candidates.length === 1) return candidates[0][1];
  throw new Error(
    `${file} must export its table as the default export or as its only non-function export; it exports ${
      candidates.map(([n]) => n).join(", ") || "nothing"
    }`,
  );
}

/**
 * Runs the project's localizeMetadata on a functions.json text.
 * @returns {{ json: string, files: string[] }} the localized JSON and the source files used
 */
function localizeWith(metadataJson, { localizer, table }) {
  const loc = loadTypeScriptModule(localizer);
  const fn = loc.exports.localizeMetadata;
  if (typeof fn !== "function") throw new Error(`${localizer} does not export a function localizeMetadata`);
  const tab = loadTypeScriptModule(table);
  const json = fn(metadataJson, pickTable(tab.exports, table));
  if (typeof json !== "string") throw new Error(`localizeMetadata returned ${typeof json}, not a JSON string`);
  const parsed = JSON.parse(json); // must be JSON; throws with the parser's message otherwise
  const before = JSON.parse(metadataJson);
  const ids = (m) => (m.functions || []).map((f) => f.id).join("\n");
  if (ids(parsed) !== ids(before))
    throw new Error("localizeMetadata changed the function ids or their order; only names and descriptions may change");
  return { json, files: [...new Set([...loc.files, ...tab.files])] };
}

class LocalizedMetadataPlugin {
  /**
   * @param {{ source: string, output: string, localizer: string, table: string }} options
   *   source/output: asset names (functions.json -> functions.zh-CN.json); localizer/table: .ts files
   */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { webpack } = compiler;
    const { source, output } = this.options;
    const localizer = path.resolve(compiler.context, this.options.localizer);
    const table = path.resolve(compiler.context, this.options.table);
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.fileDependencies.add(localizer);
      compilation.fileDependencies.add(table);
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(source);
          if (!asset) {
            // custom-functions-metadata-plugin reports why it made no functions.json
            if (compilation.errors.length === 0)
              compilation.errors.push(new webpack.WebpackError(`${PLUGIN}: no ${source} to localize`));
            return;
          }
          try {
            const { json, files } = localizeWith(asset.source.source().toString(), { localizer, table });
            for (const f of files) compilation.fileDependencies.add(f);
            compilation.emitAsset(output, new webpack.sources.RawSource(json));
          } catch (e) {
            compilation.errors.push(
              new webpack.WebpackError(`${PLUGIN}: making ${output} failed: ${e && e.message ? e.message : e}`),
            );
          }
        },
      );
    });
  }
}

module.exports = { LocalizedMetadataPlugin, localizeWith, pickTable };
