// The task pane's Content-Security-Policy (scripts/support/csp.js): only our own scripts and
// Office's may run, nothing inline or evaluated in production; the e2e pane tests run the
// production page under this policy in Chromium (a blocked resource is a console error there).
import { contentSecurityPolicy, cspDirectives, OFFICE_SCRIPTS } from "../../scripts/support/csp.js";

describe("Content-Security-Policy of taskpane.html", () => {
  const prod = cspDirectives(true);

  test("scripts: our origin and Office's CDN only, never inline, eval or a wildcard", () => {
    expect(prod["script-src"]).toEqual(["'self'", ...OFFICE_SCRIPTS]);
    expect(OFFICE_SCRIPTS).toContain("https://appsforoffice.microsoft.com");
    for (const source of Object.values(prod).flat()) {
      expect(source).not.toBe("*");
      expect(source).not.toMatch(/^https?:$|^http:\/\//);
    }
    expect(prod["script-src"]).not.toContain("'unsafe-inline'");
    expect(prod["script-src"]).not.toContain("'unsafe-eval'");
    expect(prod["object-src"]).toEqual(["'none'"]);
    expect(prod["default-src"]).toEqual(["'self'"]);
  });

  test("development adds only what webpack's eval source maps and live reload need", () => {
    const dev = cspDirectives(false);
    expect(dev["script-src"]).toEqual([...prod["script-src"]!, "'unsafe-eval'"]);
    expect(contentSecurityPolicy(true)).not.toContain("unsafe-eval");
  });
});
