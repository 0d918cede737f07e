/** The add-in's version (package.json, put in by webpack's DefinePlugin); "dev" where no build defined it (tests). */
declare const __ADDIN_VERSION__: string | undefined;

export const ADDIN_VERSION: string = typeof __ADDIN_VERSION__ === "string" ? __ADDIN_VERSION__ : "dev";
