// The committed icons are exactly what scripts/draw-icons.mjs draws.
import { spawnSync } from "node:child_process";
import path from "node:path";

test("assets/icon-*.png match scripts/draw-icons.mjs", () => {
  const r = spawnSync(process.execPath, [path.resolve(__dirname, "../../scripts/draw-icons.mjs"), "--check"], {
    encoding: "utf8",
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
}, 30_000); // draws every size in a child process: seconds on a busy machine
