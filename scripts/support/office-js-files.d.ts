export const OFFICE_JS_DIST: string;
export function isOfficeJsRuntimeFile(relative: string): boolean;
export function listOfficeJsRuntimeFiles(dir?: string): string[];
export function officeJsCopyPatterns(dir?: string): Array<Record<string, unknown>>;
