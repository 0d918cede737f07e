// Lint: TypeScript recommended rules, the Office add-in rules that catch proxy-object mistakes
// (reading before load/sync, sync inside loops) and eval, React's rules of hooks, and the
// layering of docs/ARCHITECTURE.md as import rules per folder.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";

/**
 * `no-restricted-imports` patterns for imports of our own folders, matched against the import
 * path (gitignore syntax: `**\/taskpane/**` is any relative path through a folder named taskpane).
 */
function ours(folders, why) {
  return { group: folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]), message: why };
}
const UP = "imports run one way: taskpane, commands, cli -> sheets, excel, xlsx -> core; functions -> core";
const HOSTS = ours(["taskpane", "cli", "commands", "functions"], `${UP} (docs/ARCHITECTURE.md)`);
const PACKAGES_NOT_IN_CORE = {
  group: ["react", "react-dom", "react-dom/*", "@fluentui/*", "exceljs", "papaparse", "node:*"],
  message: "core is pure domain logic: no React, no Office.js or exceljs, no I/O (docs/ARCHITECTURE.md)",
};

/**
 * exceljs is a test tool only (a devDependency): production reads with xlsx/readXlsx.ts and
 * writes with xlsx/writeXlsx.ts and xlsx/graft.ts; the tests' exceljs reader and writer live in
 * test/support/exceljs. Production code imports neither, nor any other test support.
 */
const TEST_ONLY = {
  group: ["exceljs", "exceljs/*", "**/test/support/**", "**/test/fakes/**"],
  message:
    "exceljs and test/support are for tests only; production reads with xlsx/readXlsx.ts, writes with xlsx/writeXlsx.ts and xlsx/graft.ts",
};

/**
 * One folder's rule: the patterns its production files must not import (plus TEST_ONLY); tests
 * may relax it.
 */
function layer(folder, patterns, testPatterns = patterns) {
  return [
    {
      files: [`src/${folder}/**/*.{ts,tsx}`],
      ignores: ["**/*.test.ts", "**/*.test.tsx"],
      rules: { "no-restricted-imports": ["error", { patterns: [...patterns, TEST_ONLY] }] },
    },
    {
      files: [`src/${folder}/**/*.test.{ts,tsx}`],
      rules: { "no-restricted-imports": ["error", { patterns: testPatterns }] },
    },
  ];
}

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test-output/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "no-eval": "error",
      "no-new-func": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // React's rules of hooks and the React Compiler's checks, on the task pane's components.
  { files: ["src/taskpane/**/*.{ts,tsx}"], ...reactHooks.configs.flat.recommended },

  // ── the layering (what is true today, so it stays true) ────────────────────────────────
  // core imports only core. Its fast-check arbitraries (core/**/testing) serve the tests.
  ...layer(
    "core",
    [
      ours(["sheets", "excel", "xlsx", "taskpane", "cli", "commands", "functions"], `core imports only core; ${UP}`),
      PACKAGES_NOT_IN_CORE,
    ],
    [ours(["sheets", "excel", "xlsx", "taskpane", "cli", "commands", "functions"], `core imports only core; ${UP}`)],
  ),
  {
    files: ["src/core/**/testing/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [ours(["sheets", "excel", "xlsx", "taskpane", "cli", "commands", "functions"], UP)] },
      ],
    },
  },
  // sheets: plain data from core results; the writers and readers come after it, never before.
  ...layer("sheets", [HOSTS, ours(["excel", "xlsx"], `generators decide what, writers how: ${UP}`)], [HOSTS]),
  // The two writers never share code with each other (their parity test compares them); excel's
  // parity test reads the .xlsx writer's output.
  ...layer("excel", [HOSTS, ours(["xlsx"], "the Office.js writer does not use the .xlsx writer")], [HOSTS]),
  ...layer("xlsx", [HOSTS, ours(["excel"], "the .xlsx writer does not use the Office.js writer")]),
  // Custom functions: thin wrappers over core, loaded by Excel's custom-function runtime.
  ...layer("functions", [ours(["sheets", "excel", "xlsx", "taskpane", "cli", "commands"], UP)]),
  // The hosts do not import each other: the CLI runs in Node (no React, no Office.js), the
  // task pane in a browser (no node:fs).
  ...layer("cli", [
    ours(["taskpane", "functions", "excel"], `the command line is a host of its own; ${UP}`),
    // ./commands is the CLI's own; the ribbon's src/commands is ../commands (or further up).
    { regex: "^(\\.\\./)+commands(/|$)", message: `the command line is a host of its own; ${UP}` },
  ]),
  ...layer("taskpane", [ours(["cli", "commands", "functions"], `the task pane is a host of its own; ${UP}`)]),
  // The ribbon's commands: no layering rule of their own beyond TEST_ONLY.
  ...layer("commands", []),

  {
    files: ["test/**/*.ts", "**/*.test.ts", "**/*.test.tsx"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
