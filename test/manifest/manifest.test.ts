// The manifest checks that need no xmllint: the real manifest passes, and each kind of mistake
// the checks exist for is caught in a broken copy of it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkManifest, declaredExcelApi, parseXml, pngSize, servedPaths } from "../../scripts/manifest-checks.js";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;

/** The manifest with one exact piece of text replaced (fails loudly if the text is not there). */
function broken(from: string, to: string): string {
  expect(MANIFEST).toContain(from);
  return MANIFEST.split(from).join(to);
}

describe("manifest.xml", () => {
  test("passes every check", () => {
    expect(checkManifest(MANIFEST)).toEqual([]);
  });

  test("is a TaskPaneApp for Excel with ReadWriteDocument, shared runtime and custom functions requirements", () => {
    const doc = parseXml(MANIFEST);
    expect(doc.attrs["xsi:type"]).toBe("TaskPaneApp");
    const text = (local: string) => doc.children.find((c) => c.local === local)?.text.trim();
    expect(text("Permissions")).toBe("ReadWriteDocument");
    expect(text("DefaultLocale")).toBe("en-US");
    expect(MANIFEST).toMatch(/<Host Name="Workbook"\/>/);
    expect(MANIFEST).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
    expect(MANIFEST).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1\.3"\/>/); // CustomFunctions.Error 1.2, ErrorCode 1.3
    expect(MANIFEST).toMatch(/<Override Locale="zh-CN" Value="售后考核助手"\/>/);
  });

  test("points only at files the build serves, and versions the functions metadata", () => {
    expect(servedPaths(MANIFEST)).toEqual([
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
      "functions.js",
      "functions.json",
      "functions.zh-CN.json",
      "taskpane.html",
    ]);
    expect(MANIFEST).toContain(`functions.json?v=${VERSION}"`);
    expect(MANIFEST).toContain(`functions.zh-CN.json?v=${VERSION}"`);
  });

  test("the committed icons are PNGs of the size in their names", () => {
    for (const size of [16, 32, 64, 80])
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
  });
});

describe("the checks catch", () => {
  const only = (xml: string, options = {}) => checkManifest(xml, options);

  test("a resid that names no resource", () => {
    expect(only(broken('<Label resid="Group.Label"/>', '<Label resid="Group.Lable"/>'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/resid="Group\.Lable"> names no resource/)]),
    );
  });

  test("a resid that names a resource of the wrong kind", () => {
    const problems = only(broken('<Description resid="PaneButton.Tooltip"/>', '<Description resid="Group.Label"/>'));
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/needs a long resource, but "Group\.Label" is a short resource/)]),
    );
  });

  test("a duplicated resource id", () => {
    const problems = only(
      broken(
        '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>',
        '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>\n<bt:Image id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/resource id "Icon\.32x32" is used twice/)]),
    );
  });

  test("an http URL, a relative URL, and an unused resource", () => {
    expect(
      only(
        broken(
          'DefaultValue="https://localhost:3000/taskpane.html"/>',
          'DefaultValue="http://localhost:3000/taskpane.html"/>',
        ),
      ),
    ).toEqual(
      expect.arrayContaining([expect.stringMatching(/"http:\/\/localhost:3000\/taskpane\.html" is not https/)]),
    );
    expect(
      only(
        broken(
          '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
          '<IconUrl DefaultValue="/assets/icon-32.png"/>',
        ),
      ),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/"\/assets\/icon-32\.png" is not an absolute URL/)]));
    const extra = broken(
      "</bt:Urls>",
      '<bt:Url id="Spare.Url" DefaultValue="https://localhost:3000/spare.html"/></bt:Urls>',
    );
    expect(only(extra)).toEqual([expect.stringMatching(/resource "Spare\.Url" is never used/)]);
  });

  test("an icon of the wrong size, and an icon file that does not exist", () => {
    expect(
      only(
        broken(
          '<bt:Image size="80" resid="Icon.80x80"/>\n                </Icon>\n                <Control',
          '<bt:Image size="80" resid="Icon.64x64"/>\n                </Icon>\n                <Control',
        ),
      ),
    ).toEqual([expect.stringMatching(/assets\/icon-64\.png is 64x64 px, but is used as a 80 px icon/)]);
    expect(only(broken("assets/icon-16.png", "assets/icon-15.png"))).toEqual(
      expect.arrayContaining([expect.stringMatching(/has no file assets\/icon-15\.png/)]),
    );
  });

  test("a missing zh-CN translation", () => {
    expect(only(broken('\n          <bt:Override Locale="zh-CN" Value="售后考核"/>', ""))).toEqual([
      expect.stringMatching(/string "Group\.Label" has no zh-CN <bt:Override>/),
    ]);
  });

  test("a metadata URL without the current version, and a <Version> out of step with package.json", () => {
    expect(only(MANIFEST, { packageVersion: "0.2.0" })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/functions\.json\?v=.*must end in \?v=0\.2\.0/),
        expect.stringMatching(/functions\.zh-CN\.json\?v=.*must end in \?v=0\.2\.0/),
        expect.stringMatching(/<Version> is ".*"; package\.json says 0\.2\.0, so it must be 0\.2\.0\.0/),
      ]),
    );
  });

  test("a task pane that is not the shared runtime page, and a short runtime lifetime", () => {
    expect(only(broken('lifetime="long"', 'lifetime="short"'))).toEqual([expect.stringMatching(/lifetime="long"/)]);
    expect(
      only(broken('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>')),
    ).toEqual([
      expect.stringMatching(/<FunctionFile> uses "Functions\.Script\.Url", not the shared runtime's "Taskpane\.Url"/),
    ]);
  });

  test("a namespace other than SVC", () => {
    expect(
      only(
        broken(
          '<bt:String id="Functions.Namespace" DefaultValue="SVC"/>',
          '<bt:String id="Functions.Namespace" DefaultValue="SVX"/>',
        ),
      ),
    ).toEqual([expect.stringMatching(/namespace must be "SVC"/)]);
  });

  test("an ExcelApi requirement below what src/excel declares", () => {
    expect(only(MANIFEST, { excelApi: { version: "1.12", file: "src/excel/requirements.ts" } })).toEqual([
      expect.stringMatching(/ExcelApi 1\.9 is below the 1\.12 that src\/excel\/requirements\.ts declares/),
    ]);
    expect(only(MANIFEST, { excelApi: { version: "1.4", file: "src/excel/requirements.ts" } })).toEqual([]);
  });

  test("missing requirement sets and wider permissions", () => {
    expect(only(broken('      <Set Name="SharedRuntime" MinVersion="1.1"/>\n', ""))).toEqual([
      expect.stringMatching(/lacks <Set Name="SharedRuntime"/),
    ]);
    expect(
      only(broken("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadAllDocument</Permissions>")),
    ).toEqual([expect.stringMatching(/ReadWriteDocument/)]);
  });

  test("XML that is not well formed", () => {
    expect(only(broken("</DisplayName>", "</Description>"))).toEqual([
      expect.stringMatching(/not well-formed XML: line \d+: <\/Description> closes <DisplayName>/),
    ]);
    expect(only(broken("Service Appraisal", "Service & Appraisal"))).toEqual([expect.stringMatching(/bare "&"/)]);
  });
});

describe("declaredExcelApi", () => {
  const withExcelDir = (files: Record<string, string>, check: (dir: string) => void) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "svc-manifest-"));
    try {
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, "src", "excel", name)), { recursive: true });
        fs.writeFileSync(path.join(dir, "src", "excel", name), text);
      }
      check(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  test("is null without src/excel or without the constant", () => {
    withExcelDir({}, (dir) => expect(declaredExcelApi(dir)).toBeNull());
    withExcelDir({ "a.ts": 'export const OTHER = "1.12";\n' }, (dir) => expect(declaredExcelApi(dir)).toBeNull());
  });

  test("finds the highest EXCEL_API_REQUIREMENT literal under src/excel, ignoring tests", () => {
    withExcelDir(
      {
        "a.ts": 'export const EXCEL_API_REQUIREMENT = "1.9";\n',
        "write/b.ts": 'export const EXCEL_API_REQUIREMENT_WRITE: string = "1.11";\n',
        "write/b.test.ts": 'export const EXCEL_API_REQUIREMENT = "1.99";\n',
      },
      (dir) =>
        expect(declaredExcelApi(dir)).toEqual({ version: "1.11", file: path.join("src", "excel", "write", "b.ts") }),
    );
  });

  test("evaluates a computed constant, and refuses a value that is not a version", () => {
    withExcelDir(
      {
        "requirements.ts":
          'const USED: Record<string, string> = { a: "1.4", b: "1.12", c: "1.9" };\n' +
          'const v = (s: string) => s.split(".").map(Number);\n' +
          "export const EXCEL_API_REQUIREMENT: string = Object.values(USED).reduce((x, y) => (v(y)[1] > v(x)[1] ? y : x));\n",
      },
      (dir) =>
        expect(declaredExcelApi(dir)).toEqual({ version: "1.12", file: path.join("src", "excel", "requirements.ts") }),
    );
    withExcelDir({ "r.ts": 'export const EXCEL_API_REQUIREMENT = ["1", "9"].join("-");\n' }, (dir) => {
      expect(() => declaredExcelApi(dir)).toThrow(/EXCEL_API_REQUIREMENT is "1-9", not a version/);
      expect(checkManifest(MANIFEST, { root: dir, packageVersion: VERSION })).toEqual(
        expect.arrayContaining([expect.stringMatching(/cannot read the Excel API requirement/)]),
      );
    });
  });

  test("the real src/excel declares no more than the manifest asks for", () => {
    // checkManifest compares the manifest's ExcelApi with declaredExcelApi(); see "an ExcelApi requirement below ..."
    expect(checkManifest(MANIFEST).filter((p) => /ExcelApi|Excel API/.test(p))).toEqual([]);
  });
});
