import { certificateNote, findDesktopExcel, webSideloadSteps } from "../../scripts/support/sideload.js";

describe("npm start: where to sideload", () => {
  test("finds desktop Excel on Windows and macOS only", () => {
    const none = () => false;
    expect(findDesktopExcel({ platform: "linux", env: {}, exists: () => true })).toBeNull();
    expect(
      findDesktopExcel({ platform: "darwin", env: {}, exists: (p) => p === "/Applications/Microsoft Excel.app" }),
    ).toBe("/Applications/Microsoft Excel.app");
    expect(findDesktopExcel({ platform: "darwin", env: {}, exists: none })).toBeNull();
    const exe = "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE";
    expect(
      findDesktopExcel({ platform: "win32", env: { ProgramFiles: "C:\\Program Files" }, exists: (p) => p === exe }),
    ).toBe(exe);
    expect(
      findDesktopExcel({ platform: "win32", env: { ProgramFiles: "C:\\Program Files" }, exists: none }),
    ).toBeNull();
  });

  test("the Excel on the web steps name the manifest, the upload command and the pane URL", () => {
    const text = webSideloadSteps({
      manifestPath: "/home/u/svc/manifest.xml",
      url: "https://localhost:3000/taskpane.html",
    }).join("\n");
    expect(text).toMatch(/Upload My Add-in/);
    expect(text).toContain("/home/u/svc/manifest.xml");
    expect(text).toContain("https://localhost:3000/taskpane.html");
    expect(text).toMatch(/售后考核 \/ Service Appraisal/);
  });

  test("the certificate note says what to trust, or what to accept", () => {
    const url = "https://localhost:3000/taskpane.html";
    expect(
      certificateNote({ kind: "dev-certs", caPath: "/h/.office-addin-dev-certs/ca.crt", trusted: true }, url).join(
        "\n",
      ),
    ).toMatch(/is trusted/);
    const untrusted = certificateNote(
      { kind: "dev-certs", caPath: "/h/.office-addin-dev-certs/ca.crt", trusted: false },
      url,
    ).join("\n");
    expect(untrusted).toMatch(/Import → \/h\/\.office-addin-dev-certs\/ca\.crt/);
    expect(untrusted).toMatch(/update-ca-certificates/);
    const selfSigned = certificateNote(
      { kind: "self-signed", reason: "no ~/.office-addin-dev-certs/localhost.crt" },
      url,
    ).join("\n");
    expect(selfSigned).toMatch(/self-signed certificate \(no ~\/\.office-addin-dev-certs\/localhost\.crt\)/);
    expect(selfSigned).toContain(url);
  });
});
