// Which @microsoft/office-js files the build copies into dist/ (office.js is served locally).
import fs from "node:fs";
import path from "node:path";
import {
  OFFICE_JS_DIST,
  isOfficeJsRuntimeFile,
  listOfficeJsRuntimeFiles,
} from "../../scripts/support/office-js-files.js";

describe("office.js files served from dist/", () => {
  const files = listOfficeJsRuntimeFiles();

  test("include office.js, its mapping table, every Excel host file and every locale's strings", () => {
    for (const f of [
      "office.js",
      "o15apptofilemappingtable.js",
      "excel-web-16.00.js",
      "excel-win32-16.01-core.js",
      "excel-mac-16.00.js",
      "en-us/office_strings.js",
      "zh-cn/office_strings.js",
    ]) {
      expect(files).toContain(f);
    }
    const hostFiles = fs.readdirSync(OFFICE_JS_DIST).filter((f) => /^excel.*\.js$/.test(f) && !f.endsWith(".debug.js"));
    expect(files.filter((f) => /^excel/.test(f))).toEqual(hostFiles.sort());
    const locales = fs
      .readdirSync(OFFICE_JS_DIST)
      .filter((d) => fs.existsSync(path.join(OFFICE_JS_DIST, d, "office_strings.js")));
    expect(files.filter((f) => f.endsWith("/office_strings.js"))).toEqual(
      locales.map((d) => `${d}/office_strings.js`).sort(),
    );
  });

  test("leave out debug builds, other Office hosts, the standalone custom functions runtime and web auth", () => {
    for (const f of files) {
      expect(f).not.toMatch(/\.debug\.js$/);
      expect(f).not.toMatch(/^(word|outlook|powerpoint|onenote|project|access)/);
      expect(f).not.toMatch(/custom-functions-runtime|webauth|vsdoc|outlook_strings/);
    }
    expect(isOfficeJsRuntimeFile("office.debug.js")).toBe(false);
    expect(isOfficeJsRuntimeFile("zh-cn/outlook_strings.js")).toBe(false);
    expect(isOfficeJsRuntimeFile(path.join("zh-cn", "office_strings.js"))).toBe(true);
  });

  test("weigh a fraction of the package", () => {
    const size = (f: string) => fs.statSync(path.join(OFFICE_JS_DIST, f)).size;
    const served = files.reduce((t, f) => t + size(f), 0);
    expect(served).toBeLessThan(16 * 1024 * 1024);
    expect(served).toBeGreaterThan(1024 * 1024);
  });
});
