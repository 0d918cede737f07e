/**
 * Browser-test harness for the task pane: serves the built `dist/` on 127.0.0.1 (any free port)
 * with a tiny Node http server, launches Debian's Chromium through playwright-core with a fresh
 * profile, opens taskpane.html (browser mode: no Excel) and waits until the app has rendered.
 * Helpers capture downloads and save screenshots to test-output/screenshots/.
 *
 *   const pane = await openPane({ locale: "zh-CN" });
 *   try { ... pane.page ... } finally { await pane.close(); }
 *
 * Needs `npx webpack --mode development` (or production) first, and `chromium` on PATH
 * (`apt-get install -y chromium`). Chinese text needs a CJK font (Debian: fonts-noto-cjk) or
 * the screenshots show boxes.
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, resolve, sep } from "node:path";
import { chromium, type BrowserContext, type Download, type Page } from "playwright-core";

export const ROOT = resolve(__dirname, "../../..");
const OFFICE_JS_DIST = resolve(ROOT, "node_modules/@microsoft/office-js/dist");
/** The built add-in; PANE_DIST points elsewhere (e.g. a build made with `--output-path`). */
export const DIST = resolve(process.env.PANE_DIST ?? join(ROOT, "dist"));
export const SCREENSHOTS = join(ROOT, "test-output", "screenshots");
export const DOWNLOADS = join(ROOT, "test-output", "downloads");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  readonly url: string;
  /** Every path requested, for checks such as "exceljs was not loaded before first use". */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Serves `root` read-only on 127.0.0.1 at a free port. Paths outside `root` get 404. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    requests.push(path);
    const file = resolve(root, `.${path === "/" ? "/taskpane.html" : path}`);
    if (!(file === root || file.startsWith(root + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Path of Debian's Chromium, or a clear error saying how to get it. */
export function chromiumPath(): string {
  try {
    const path = execFileSync("which", ["chromium"], { encoding: "utf8" }).trim();
    if (path) return path;
  } catch {
    // fall through
  }
  throw new Error("chromium not found on PATH: install it with `apt-get install -y chromium`");
}

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface OpenPaneOptions {
  /** Browser language (navigator.language): decides the pane's first language. */
  readonly locale?: string;
  readonly colorScheme?: "light" | "dark";
  /** Task pane width × height; Excel's default pane is about 350 px wide. */
  readonly viewport?: { width: number; height: number };
  /** Page under dist/ to open. */
  readonly path?: string;
  /**
   * A script served instead of office.js (local and CDN URLs alike): the fake Excel host
   * (./fakeHost.ts, built by ./fakeHostBuild.ts), so the pane runs as inside Excel.
   */
  readonly officeJs?: string;
  /** The tab to show once the app is ready, by its visible name ("记录", "Records" …). */
  readonly tab?: string;
}

export interface PaneSession {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly server: StaticServer;
  /** Uncaught page errors and console errors seen so far; a healthy pane has none. */
  readonly errors: string[];
  /** Runs `action` and returns the download it triggers, saved under test-output/downloads/. */
  download(action: () => Promise<unknown>): Promise<{ download: Download; path: string; fileName: string }>;
  /** Saves a full-page PNG to test-output/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Reloads the page (same profile: localStorage survives) and waits for the app again. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** Waits until the React app has rendered its shell (after Office.onReady / browser fallback). */
export async function waitForApp(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForSelector('[data-app-ready="true"]', { timeout: timeoutMs });
}

export async function openPane(options: OpenPaneOptions = {}): Promise<PaneSession> {
  const {
    locale = "zh-CN",
    colorScheme = "light",
    viewport = { width: 360, height: 900 },
    path = "/taskpane.html",
    officeJs,
    tab,
  } = options;
  if (!existsSync(join(DIST, "taskpane.html"))) {
    throw new Error(`${join(DIST, "taskpane.html")} is missing: build first with \`npx webpack --mode development\``);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(DOWNLOADS, { recursive: true });

  const server = await serveStatic(DIST);
  const profile = mkdtempSync(join(tmpdir(), "svc-pane-profile-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_FLAGS,
      locale,
      colorScheme,
      viewport,
      acceptDownloads: true,
      // Chinese text needs a CJK font (Debian: fonts-noto-cjk); sizes are CSS pixels.
      deviceScaleFactor: 1,
    });
  } catch (err) {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  // The production build loads office.js from Microsoft's CDN; these machines are offline, so
  // the CDN's URLs are answered from the same files in @microsoft/office-js (no network).
  await context.route("https://appsforoffice.microsoft.com/lib/1/hosted/**", async (route) => {
    const rel = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, "");
    const file = resolve(OFFICE_JS_DIST, rel);
    if (!file.startsWith(OFFICE_JS_DIST + sep) || !existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({
      status: 200,
      contentType: "text/javascript; charset=utf-8",
      body: readFileSync(file, "utf8"),
    });
  });
  // Registered last, so it answers before the CDN route above (Playwright runs routes in reverse order).
  if (officeJs) {
    const body = readFileSync(officeJs, "utf8");
    await context.route(/\/office\.js(\?.*)?$/, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body }),
    );
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });

  await page.goto(`${server.url}${path}`);
  await waitForApp(page);
  if (tab !== undefined) await page.getByRole("tab", { name: tab }).click();

  return {
    page,
    context,
    server,
    errors,
    async download(action) {
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), action()]);
      const failure = await download.failure();
      if (failure) throw new Error(`download failed: ${failure}`);
      const fileName = download.suggestedFilename();
      const target = join(DOWNLOADS, fileName);
      await download.saveAs(target);
      return { download, path: target, fileName };
    },
    async screenshot(name) {
      const file = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async reload() {
      await page.reload();
      await waitForApp(page);
    },
    async close() {
      await context.close().catch(() => undefined);
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * For afterEach: closes the session (if one was opened) and fails the test when the page logged
 * errors — a healthy pane logs none.
 */
export async function closeAndCheckErrors(pane: PaneSession | undefined): Promise<void> {
  if (!pane) return;
  const errors = [...pane.errors];
  await pane.close();
  expect(errors).toEqual([]);
}

/**
 * For a describe block whose tests each open one pane: closes the pane a test opened after it
 * and fails the test when the page logged errors (closeAndCheckErrors). Each pane test file kept
 * its own `let pane` and afterEach for this; here it is once.
 *
 *   const openTestPane = closePaneAfterEachTest();
 *   test("…", async () => { const { page } = await openTestPane({ locale: "zh-CN", tab: "记录" }); … });
 */
export function closePaneAfterEachTest(): (options?: OpenPaneOptions) => Promise<PaneSession> {
  let pane: PaneSession | undefined;
  afterEach(async () => {
    const opened = pane;
    pane = undefined;
    await closeAndCheckErrors(opened);
  });
  return async (options) => {
    pane = await openPane(options);
    return pane;
  };
}

/**
 * Moves the mouse off the pane and lets hover styles and transitions finish, so a screenshot
 * shows the pane at rest rather than a highlighted button.
 */
export async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
}

/** `pane.screenshot(name)` once the pane has settled (see settle). */
export async function settledScreenshot(pane: PaneSession, name: string): Promise<string> {
  await settle(pane.page);
  return pane.screenshot(name);
}

export const DOCS_SCREENSHOTS = join(ROOT, "docs", "screenshots");

/**
 * A settled screenshot saved as usual (test-output/screenshots/) and copied to docs/screenshots/,
 * where README.md shows it; returns the test-output path.
 */
export async function screenshotForDocs(pane: PaneSession, name: string): Promise<string> {
  const file = await settledScreenshot(pane, name);
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  copyFileSync(file, join(DOCS_SCREENSHOTS, `${name}.png`));
  return file;
}
