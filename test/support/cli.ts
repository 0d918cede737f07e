/**
 * Running the CLI in tests, in-process: `runCli` runs one command with its printed lines
 * captured and a fixed clock; `useCliFolder` gives each test a fresh temporary folder that the
 * command runs in, and reads back what the command wrote there.
 *
 * Why a shared harness: every command test (src/cli/commands/*.test.ts) needs the same things —
 * a folder of its own per test (outputs must not leak between tests, and "never overwrites"
 * tests need an empty one), main() run with stdout/stderr captured and a fixed "now" (so dates
 * in the output do not depend on the day the test runs), and the JSON and .xlsx it wrote read
 * back. Each file once wrote these by hand, a dozen lines at a time.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main, type MainIO } from "../../src/cli/main";

export interface CliRun {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

/** What a run may change: the user's language (LANG, default zh-CN) and the clock. */
export interface CliRunOptions {
  readonly lang?: string;
  readonly now?: Date;
}

/** The clock when a test names none: a fixed date, so no output depends on today. */
const DEFAULT_NOW = new Date(2026, 10, 25, 9, 30);

export async function runCli(args: readonly string[], options: CliRunOptions & { cwd: string }): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const now = options.now ?? DEFAULT_NOW;
  const io: MainIO = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    cwd: options.cwd,
    env: { LANG: options.lang ?? "zh-CN" },
    now: () => now,
  };
  const code = await main(args, io);
  return { code, out, err };
}

/**
 * The run succeeded: nothing on stderr and exit code 0. stderr is compared first so that a failed
 * run shows its error line, not only "expected 0, received 1".
 */
export function expectSuccess(run: CliRun): void {
  expect(run.err).toEqual([]);
  expect(run.code).toBe(0);
}

export interface CliFolderOptions {
  /** The temporary folder's name starts with this (svc-<command>-cli-), to tell leftovers apart. */
  readonly prefix: string;
  /** Files copied into the folder before each test: name in the folder → the file to copy. */
  readonly files?: Readonly<Record<string, string>>;
  /** The defaults of every run (each run may override them). */
  readonly lang?: string;
  readonly now?: Date;
}

/** A test's temporary folder, with the CLI run in it and what it wrote read back from it. */
export interface CliFolder {
  /** The absolute path of a file in the current test's folder (a new folder for each test). */
  path(name: string): string;
  /** Runs `service-appraisal <args>` with the folder as its working directory. */
  run(args: readonly string[], options?: CliRunOptions): Promise<CliRun>;
  /** Writes a file into the folder (an input for the command) and returns its name. */
  write(name: string, content: string | Uint8Array): string;
  exists(name: string): boolean;
  readText(name: string): string;
  /** Parses a JSON file the command wrote (--json): `any` as JSON.parse gives, or the type the test names (unchecked). */
  readJson<T = any>(name: string): T;
  /** Opens an .xlsx the command wrote, with ExcelJS (an independent reader, not our own). */
  readWorkbook(name: string): Promise<ExcelJS.Workbook>;
}

/**
 * Call at the top of a test file (or a describe block): registers beforeEach/afterEach that make
 * the folder (copying `files` into it) and remove it afterwards.
 */
export function useCliFolder(options: CliFolderOptions): CliFolder {
  let current: string | undefined;
  beforeEach(() => {
    current = mkdtempSync(join(tmpdir(), options.prefix));
    for (const [name, source] of Object.entries(options.files ?? {})) copyFileSync(source, join(current, name));
  });
  afterEach(() => {
    if (current !== undefined) rmSync(current, { recursive: true, force: true });
    current = undefined;
  });
  const dir = (): string => {
    if (current === undefined) throw new Error("useCliFolder: the folder exists only inside a test");
    return current;
  };
  const path = (name: string): string => join(dir(), name);
  return {
    path,
    run: (args, o = {}) => runCli(args, { cwd: dir(), lang: o.lang ?? options.lang, now: o.now ?? options.now }),
    write(name, content) {
      writeFileSync(path(name), content);
      return name;
    },
    exists: (name) => existsSync(path(name)),
    readText: (name) => readFileSync(path(name), "utf8"),
    readJson: <T>(name: string) => JSON.parse(readFileSync(path(name), "utf8")) as T,
    async readWorkbook(name) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path(name));
      return wb;
    },
  };
}
