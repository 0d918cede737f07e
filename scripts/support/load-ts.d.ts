export function loadTypeScriptModule(file: string): { exports: any; files: string[] };
