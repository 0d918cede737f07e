// The dev server's https: the office-addin-dev-certs files when usable, else self-signed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCertificates } from "office-addin-dev-certs";
import { devServerHttps, loadDevCertificate } from "../../scripts/support/dev-https.js";
import { expectOk } from "../support/result";

let dir: string;
let log: jest.SpyInstance;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "svc-certs-"));
  log = jest.spyOn(console, "log").mockImplementation(() => undefined); // generateCertificates prints a line
  await generateCertificates(
    path.join(dir, "ca.crt"),
    path.join(dir, "localhost.crt"),
    path.join(dir, "localhost.key"),
    30,
    ["127.0.0.1", "localhost"],
  );
  log.mockRestore();
}, 30_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function copyTo(files: Record<string, string | Buffer>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "svc-certs-case-"));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(d, name), content);
  return d;
}
const read = (name: string) => fs.readFileSync(path.join(dir, name));

describe("loadDevCertificate", () => {
  test("accepts a fresh office-addin-dev-certs certificate for localhost", () => {
    const found = loadDevCertificate({ dir });
    expectOk(found);
    expect(found.cert.toString()).toContain("BEGIN CERTIFICATE");
    expect(found.ca).toBeDefined();
    expect(found.validTo.getTime()).toBeGreaterThan(Date.now() + 20 * 86400e3);
  });

  test("refuses missing files, an expired certificate, garbage and a key from elsewhere", () => {
    expect(loadDevCertificate({ dir: path.join(dir, "nowhere") })).toEqual({
      ok: false,
      reason: expect.stringMatching(/^no .*localhost\.crt$/),
    });
    const later = new Date(Date.now() + 400 * 86400e3);
    expect(loadDevCertificate({ dir, now: later })).toEqual({ ok: false, reason: expect.stringMatching(/expired on/) });
    const garbage = copyTo({ "localhost.crt": "not a certificate", "localhost.key": read("localhost.key") });
    expect(loadDevCertificate({ dir: garbage })).toEqual({
      ok: false,
      reason: expect.stringMatching(/is not a certificate/),
    });
    const badKey = copyTo({
      "localhost.crt": read("localhost.crt"),
      "localhost.key": "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
    });
    expect(loadDevCertificate({ dir: badKey })).toEqual({
      ok: false,
      reason: expect.stringMatching(/is not a private key/),
    });
    // the CA's certificate with the localhost key: a pair that does not belong together
    const mismatch = copyTo({ "localhost.crt": read("ca.crt"), "localhost.key": read("localhost.key") });
    expect(loadDevCertificate({ dir: mismatch })).toEqual({
      ok: false,
      reason: expect.stringMatching(/not for localhost|does not belong/),
    });
    for (const d of [garbage, badKey, mismatch]) fs.rmSync(d, { recursive: true, force: true });
  });
});

describe("devServerHttps", () => {
  test("serves the dev certificate when usable", () => {
    const lines: string[] = [];
    const server = devServerHttps({ dir, log: (l) => lines.push(l) });
    expect(server.type).toBe("https");
    expect(server.options?.cert.equals(read("localhost.crt"))).toBe(true);
    expect(server.options?.key.equals(read("localhost.key"))).toBe(true);
    expect(lines).toEqual([expect.stringMatching(/using the office-addin-dev-certs certificate/)]);
  });

  test("falls back to webpack-dev-server's self-signed certificate, without throwing", () => {
    const lines: string[] = [];
    expect(devServerHttps({ dir: path.join(dir, "nowhere"), log: (l) => lines.push(l) })).toEqual({ type: "https" });
    expect(devServerHttps({ dir, now: new Date(Date.now() + 400 * 86400e3), log: (l) => lines.push(l) })).toEqual({
      type: "https",
    });
    expect(lines).toEqual([expect.stringMatching(/self-signed/), expect.stringMatching(/expired.*self-signed/)]);
  });
});
