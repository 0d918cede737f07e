export const CERT_DIR: string;
export type DevCertificate =
  | { ok: true; key: Buffer; cert: Buffer; ca: Buffer | undefined; certPath: string; validTo: Date }
  | { ok: false; reason: string };
export function loadDevCertificate(options?: { dir?: string; now?: Date }): DevCertificate;
export function devServerHttps(options?: { dir?: string; now?: Date; log?: (line: string) => void }): {
  type: "https";
  options?: { key: Buffer; cert: Buffer; ca?: Buffer };
};
