/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS helper loaded by webpack.config.js */
// The task pane's Content-Security-Policy (a <meta http-equiv> written into taskpane.html by
// HtmlWebpackPlugin): scripts only from our own origin and Office's CDN, nothing inline.
// - https://appsforoffice.microsoft.com serves office.js and the host scripts it loads (the
//   production build loads office.js from there); https://ajax.aspnetcdn.com serves the
//   MicrosoftAjax library office.js loads on older hosts (office-js issue #1005 lists both).
// - style-src needs 'unsafe-inline': Fluent UI (Griffel) inserts <style> rules at run time, and
//   Excel on the web's own script sets inline styles (office-js issue #1687). Styles cannot run code.
// - worker-src 'self' only: browser mode's KPI worker is a webpack chunk of our own origin
//   (src/taskpane/panes/kpi/createKpiWorker.ts), never a blob: or data: script. img-src
//   data:/blob: for icons and previews; downloads are made from blob: URLs (navigation, not governed by CSP).
// - Development only adds 'unsafe-eval': webpack's eval-based source maps need it.
"use strict";

const OFFICE_SCRIPTS = ["https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"];
const OFFICE_CONNECT = ["https://appsforoffice.microsoft.com", "https://browser.pipe.aria.microsoft.com"];

/** The policy, directive by directive. */
function cspDirectives(production) {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...OFFICE_SCRIPTS, ...(production ? [] : ["'unsafe-eval'"])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...OFFICE_CONNECT, ...(production ? [] : ["ws:", "wss:"])],
    "worker-src": ["'self'"],
    // office.js frames Office's telemetry service (seen from the production page in Chromium).
    "frame-src": [
      "'self'",
      "https://telemetryservice.firstpartyapps.oaspapps.com",
      "https://*.officeapps.live.com",
      "https://*.office.com",
    ],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
  };
}

/** The policy as the meta tag's content. */
function contentSecurityPolicy(production) {
  return Object.entries(cspDirectives(production))
    .map(([k, v]) => `${k} ${v.join(" ")}`)
    .join("; ");
}

module.exports = { cspDirectives, contentSecurityPolicy, OFFICE_SCRIPTS };
