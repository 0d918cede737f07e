export function findDesktopExcel(options: {
  platform?: string;
  env?: Record<string, string | undefined>;
  exists: (p: string) => boolean;
}): string | null;
export type CertificateState =
  { kind: "dev-certs"; caPath: string; trusted: boolean } | { kind: "self-signed"; reason: string };
export function certificateNote(cert: CertificateState, url: string): string[];
export function webSideloadSteps(options: { manifestPath: string; url: string }): string[];
