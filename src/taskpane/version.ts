/** The add-in's version (package.json, put in by webpack's DefinePlugin); "dev" where no build defined it (tests). */
declare const __ADDIN_VERSION__: string | undefined;

export const ADDIN_VERSION: string = typeof __ADDIN_VERSION__ === "string" ? __ADDIN_VERSION__ : "dev";

/**
 * Where users send a self-check report: an https:// page or a mailto: address, given by whoever
 * builds and deploys the add-in (`SVC_SUPPORT_URL=… npm run build`; webpack.config.js checks it).
 * The project has no public tracker, and a company deploying the add-in has its own support
 * desk: without one the pane asks users to send the report to whoever installed the add-in.
 */
declare const __SUPPORT_URL__: string | undefined;

export const SUPPORT_URL: string | null =
  typeof __SUPPORT_URL__ === "string" && __SUPPORT_URL__ !== "" ? __SUPPORT_URL__ : null;
