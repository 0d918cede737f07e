import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { distSizes, formatSizes, groupOf } from "../../scripts/support/bundle-sizes.js";

describe("bundle size report", () => {
  test("measures every file, raw and gzip, and groups office.js copies and source maps", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "svc-dist-"));
    try {
      const text = "const x = 1;\n".repeat(500);
      fs.mkdirSync(path.join(dir, "zh-cn"));
      fs.mkdirSync(path.join(dir, "en-us"));
      fs.writeFileSync(path.join(dir, "taskpane.js"), text);
      fs.writeFileSync(path.join(dir, "taskpane.js.map"), "{}");
      fs.writeFileSync(path.join(dir, "zh-cn", "office_strings.js"), "a");
      fs.writeFileSync(path.join(dir, "en-us", "office_strings.js"), "bb");
      const sizes = distSizes(dir);
      expect(sizes.map((s) => s.file)).toEqual([
        "en-us/office_strings.js",
        "taskpane.js",
        "taskpane.js.map",
        "zh-cn/office_strings.js",
      ]);
      const tp = sizes.find((s) => s.file === "taskpane.js")!;
      expect(tp.raw).toBe(Buffer.byteLength(text));
      expect(tp.gzip).toBe(zlib.gzipSync(text, { level: 6 }).length);
      expect(tp.gzip).toBeLessThan(tp.raw);
      const lines = formatSizes(sizes);
      expect(lines[0]).toMatch(/^file\s+raw\s+gzip$/);
      expect(lines.some((l) => /^taskpane\.js\s+6\.3 KB\s+0\.\d KB$/.test(l))).toBe(true);
      expect(lines.some((l) => /^office\.js locale strings \(Office loads one\): 2 files\s+0\.0 KB/.test(l))).toBe(
        true,
      );
      expect(lines.some((l) => /^source maps: 1 files/.test(l))).toBe(true);
      expect(lines[lines.length - 1]).toMatch(/^total: 4 files/);
      expect(formatSizes(sizes, { all: true }).filter((l) => /office_strings/.test(l))).toHaveLength(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("groups", () => {
    expect(groupOf("office.js")).toBeNull();
    expect(groupOf("functions.js")).toBeNull();
    expect(groupOf("excel-web-16.00.js")).toMatch(/Excel host files/);
    expect(groupOf("telemetry/oteljs_agave.js")).toMatch(/telemetry/);
    expect(groupOf("chunks/src_xlsx_index_ts.0123abcd.js.map")).toBe("source maps");
  });
});
