// Lets plain Node require our TypeScript sources (benchmarks run outside jest): each .ts/.tsx
// file is compiled to CommonJS on load with @swc/core, the compiler the test suite already uses.
const fs = require("node:fs");
const Module = require("node:module");
const { transformSync } = require("@swc/core");

function compile(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { code } = transformSync(source, {
    filename,
    sourceMaps: "inline",
    module: { type: "commonjs" },
    jsc: {
      target: "es2022",
      parser: { syntax: "typescript", tsx: filename.endsWith(".tsx") },
      transform: { react: { runtime: "automatic" } },
    },
  });
  module._compile(code, filename);
}

for (const ext of [".ts", ".tsx"]) Module._extensions[ext] = compile;
