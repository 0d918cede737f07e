// `service-appraisal kpi` with only the kpi command's modules loaded (the CLI's main loads every
// command, mathjs included): `node scripts/bench/kpi-only.cjs orders.csv out.xlsx`. Shows what
// loading commands lazily would save; runs the compiled lib/ (npm run build:cli).
const path = require("node:path");
const { kpiCommand } = require(path.join(__dirname, "..", "..", "lib", "cli", "commands", "kpi.js"));
const [orders, out] = process.argv.slice(2);
kpiCommand
  .run({
    values: { orders, month: "2026-10", out, force: true },
    positionals: [],
    locale: "zh-CN",
    cwd: process.cwd(),
    out: () => undefined,
    now: () => new Date(2026, 10, 15),
  })
  .catch((e) => {
    process.stderr.write(`${e.stack ?? e}\n`);
    process.exit(1);
  });
