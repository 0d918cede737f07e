export declare const OFFICE_SCRIPTS: readonly string[];
export declare function cspDirectives(production: boolean): Record<string, string[]>;
export declare function contentSecurityPolicy(production: boolean): string;
