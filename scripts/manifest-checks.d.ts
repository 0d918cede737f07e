// Types for scripts/manifest-checks.js (plain CommonJS so that scripts/check-manifest.mjs can
// use it without a build step).
export interface XmlElement {
  name: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
  parent: XmlElement | null;
}
export interface CheckOptions {
  /** Repository root used to find package.json, assets/ and src/excel (default: this repo). */
  root?: string;
  /** Overrides package.json's version. */
  packageVersion?: string;
  /** Overrides the EXCEL_API_REQUIREMENT found in src/excel (null: none declared). */
  excelApi?: { version: string; file: string } | null;
}
export const ORIGIN: string;
export function parseXml(source: string): XmlElement;
export function checkManifest(xml: string, options?: CheckOptions): string[];
export function servedPaths(xml: string): string[];
export function declaredExcelApi(root?: string): { version: string; file: string } | null;
export function pngSize(file: string): { width: number; height: number } | null;
