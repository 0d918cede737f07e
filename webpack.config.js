/* eslint-disable @typescript-eslint/no-require-imports -- webpack reads this file as CommonJS */
// Builds the add-in into dist/:
//   taskpane.html + taskpane.js   the React task pane; the .xlsx side (src/xlsx) is a lazy chunk
//   functions.js                  the SVC custom functions; registers each with
//                                 CustomFunctions.associate on load and needs no DOM
//   functions.json                custom function metadata, generated from the JSDoc
//   functions.zh-CN.json          the same in Chinese (src/functions/localizeMetadata.ts)
//   commands.js                   ribbon command handlers
//   office.js                     production: Microsoft's CDN, as Microsoft requires ("If you plan
//                                 to publish your Office Add-in from AppSource, you must use this
//                                 CDN reference. Local references are only appropriate for
//                                 internal, development, and debugging scenarios":
//                                 https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn);
//                                 development (and SVC_OFFICE_JS=local): copied from
//                                 @microsoft/office-js and served by us, for machines without the
//                                 internet; the e2e tests route the CDN URL to that same copy
//   assets/                       icons
// Shared runtime: taskpane.html loads office.js, functions.js, commands.js and taskpane.js, in
// that order; the manifest uses taskpane.html as the runtime page for all three.
// Type checking is `npm run typecheck`; ts-loader only transpiles.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizedMetadataPlugin } = require("./scripts/support/localized-metadata.js");
const { officeJsCopyPatterns } = require("./scripts/support/office-js-files.js");
const { devServerHttps } = require("./scripts/support/dev-https.js");
const { contentSecurityPolicy } = require("./scripts/support/csp.js");
const { supportUrl } = require("./scripts/support/support-url.js");

const DEV_PORT = 3000;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FUNCTIONS_TS = "./src/functions/functions.ts";

module.exports = (_env, argv) => {
  const production = argv.mode === "production";
  const officeJsFromCdn = production && process.env.SVC_OFFICE_JS !== "local";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    // Excel's webviews: Edge WebView2 / Safari today; ES2017 also keeps older Edge-based builds.
    target: ["web", "es2017"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      // Self-contained: no chunk loading (its runtime would touch document/self), nothing split off.
      functions: { import: FUNCTIONS_TS, chunkLoading: false, asyncChunks: false },
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      // The webpack runtime names its global through globalThis, never window or self, so
      // functions.js also runs in Excel's JavaScript-only runtime and in a Node vm.
      globalObject: "globalThis",
      publicPath: "auto",
      clean: true,
      // Rewrite every file on each build, so dist/'s modification times say when it was built
      // (test/e2e/bundle.test.ts rebuilds when src/ is newer).
      compareBeforeEmit: false,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { target: "ES2017", module: "ESNext", sourceMap: true } },
          },
        },
      ],
    },
    // The copied office.js files would fill the build summary; list only what we build.
    stats: serving
      ? "errors-warnings"
      : {
          preset: "normal",
          excludeAssets: [
            /\.map$/,
            /\/office_strings\.js$/,
            /^(?:excel[\w.-]*|office|o15apptofilemappingtable)\.js$/,
            /telemetry\//,
          ],
        },
    performance: {
      hints: production ? "warning" : false,
      // What a user downloads before the pane shows (office.js copies are Office's own files).
      assetFilter: (name) => /^(taskpane|functions|commands)\.js$/.test(name),
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1536 * 1024,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_TS }),
      new LocalizedMetadataPlugin({
        source: "functions.json",
        output: "functions.zh-CN.json",
        localizer: "src/functions/localizeMetadata.ts",
        table: "src/functions/metadata.zh-CN.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // office.js is a plain <script> in the template's <head>; these follow it, in this order.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        // ?<build hash> on each script URL, so a new build is never served from a stale cache.
        hash: true,
        officeJs: officeJsFromCdn ? OFFICE_JS_CDN : "office.js",
        // Only our own scripts and Office's may run (scripts/support/csp.js says why each source is there).
        meta: {
          "Content-Security-Policy": {
            "http-equiv": "Content-Security-Policy",
            content: contentSecurityPolicy(production),
          },
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          ...(officeJsFromCdn ? [] : officeJsCopyPatterns()),
          { from: "assets", to: "assets", globOptions: { ignore: ["**/.*"] } },
        ],
      }),
      // The add-in's version, for the self-check report, and where reports go (src/taskpane/version.ts).
      new (require("webpack").DefinePlugin)({
        __ADDIN_VERSION__: JSON.stringify(require("./package.json").version),
        __SUPPORT_URL__: JSON.stringify(supportUrl(process.env.SVC_SUPPORT_URL)),
      }),
    ],
    devServer: {
      port: DEV_PORT,
      host: "localhost",
      server: serving ? devServerHttps({ log: (line) => console.log(`[dev-server] ${line}`) }) : { type: "https" },
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: false,
      liveReload: true,
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
