/**
 * Task pane entry (taskpane.html loads office.js, functions.js, commands.js, then this).
 * Waits for Office — never longer than BOOT_TIMEOUT_MS, and not at all when office.js is
 * missing — then renders the app for Excel or for browser mode.
 */
import { createRoot } from "react-dom/client";
import { resolveLocale } from "../core/i18n/text";
import { detectEnvironment, type OfficeLike, type PaneEnvironment } from "./environment";
import { createHost } from "./host";
import { STRINGS } from "./i18n/strings";
import { App } from "./shell/App";

/** Inside Excel, onReady usually resolves within a second; a plain browser resolves at once. */
const BOOT_TIMEOUT_MS = 5000;

function officeGlobal(): OfficeLike | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
}

function start(): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const root = createRoot(container);

  // Until Office answers, say what is happening (in the browser's language: Office's is unknown yet).
  const waiting = resolveLocale(navigator.language) === "zh-CN" ? STRINGS.connecting.zh : STRINGS.connecting.en;
  container.setAttribute("aria-busy", "true");
  root.render(<p style={{ fontFamily: "sans-serif", padding: "12px" }}>{waiting}</p>);

  const render = (env: PaneEnvironment) => {
    container.removeAttribute("aria-busy");
    // A new host per environment; `key` remounts the app if a late Excel replaces browser mode.
    root.render(<App key={env.kind} environment={env} host={createHost(env)} />);
  };

  void detectEnvironment({
    office: officeGlobal(),
    browserLanguage: typeof navigator !== "undefined" ? navigator.language : null,
    timeoutMs: BOOT_TIMEOUT_MS,
    onLateExcel: render,
  }).then(render);
}

start();
