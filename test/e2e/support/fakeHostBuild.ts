/**
 * Builds test/e2e/support/fakeHost.ts into one browser script (webpack, development mode, no
 * source maps): the fake Excel host a pane test serves in place of office.js
 * (`openPane({ officeJs: await buildFakeHost() })`). Rebuilt on every run: it takes a few
 * seconds and must never be stale.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import webpack from "webpack";
import { ROOT } from "./pane";

export async function buildFakeHost(): Promise<string> {
  const outDir = join(ROOT, "test-output", "fake-host");
  mkdirSync(outDir, { recursive: true });
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: ["web", "es2017"],
    entry: join(__dirname, "fakeHost.ts"),
    output: { path: outDir, filename: "fake-office.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "ESNext" } } },
        },
      ],
    },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((err, s) => (err || !s ? reject(err ?? new Error("no stats")) : resolve(s))),
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(`the fake Excel host did not build:\n${stats.toString("errors-only")}`);
  return join(outDir, "fake-office.js");
}
