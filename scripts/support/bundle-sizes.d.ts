export interface SizeEntry {
  file: string;
  raw: number;
  gzip: number;
}
export function distSizes(dir: string): SizeEntry[];
export function formatSizes(entries: SizeEntry[], options?: { all?: boolean }): string[];
export function groupOf(file: string): string | null;
