// Where self-check reports go (scripts/support/support-url.js, read by webpack.config.js).
import { supportUrl } from "../../scripts/support/support-url.js";

describe("SVC_SUPPORT_URL", () => {
  test("an https page or a mailto address is taken as given; none gives none", () => {
    expect(supportUrl(undefined)).toBe("");
    expect(supportUrl("  ")).toBe("");
    expect(supportUrl(" https://support.example.com/new?topic=svc ")).toBe("https://support.example.com/new?topic=svc");
    expect(supportUrl("mailto:it@example.com")).toBe("mailto:it@example.com");
  });

  test.each([
    "http://support.example.com",
    "support.example.com",
    "https://localhost",
    "mailto:it",
    "javascript:alert(1)",
    "https://a b.com",
  ])("%s stops the build with a message naming it", (value) => {
    expect(() => supportUrl(value)).toThrow(/SVC_SUPPORT_URL must be an https:\/\/ address/);
  });
});
