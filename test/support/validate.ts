/** The Open XML SDK validator (@ooxml-tools/validate) over .xlsx bytes, for the e2e tests. */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");

/**
 * Validates a package with Microsoft's Open XML SDK (compiled to WebAssembly, run offline from
 * node_modules): every part against the Office schemas, charts and drawings included. xmllint
 * with ECMA-376's dml-chart.xsd was the first choice, but no npm or Debian package reachable here
 * ships the ECMA-376 / ISO 29500 schemas. The SDK's checks include the transitional schemas'
 * element order, required elements and attribute types (a test below shows it catches them).
 */
export async function validateXlsx(bytes: Uint8Array): Promise<{ description: string; path: { partUri: string } }[]> {
  const dir = await mkdtemp(join(tmpdir(), "svc-ooxml-"));
  try {
    const file = join(dir, "book.xlsx");
    await writeFile(file, bytes);
    const bin = join(ROOT, "node_modules", "@ooxml-tools", "validate", "dist", "npm", "bin", "ooxml-validate.js");
    // The timeout only guards against a hung validator: the demo workbook takes 20 s alone on the
    // 2-core machine and was killed at 120 s once while other suites shared it (load 6–8).
    const { stdout } = await run(process.execPath, [bin, "--of", "json", file], {
      maxBuffer: 1 << 24,
      timeout: 600_000,
    });
    return JSON.parse(stdout) as { description: string; path: { partUri: string } }[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Validates several packages in one validator process: one list of problems per package, in order. */
export async function validateMany(
  packages: readonly Uint8Array[],
): Promise<{ description: string; path: { partUri: string } }[][]> {
  const dir = await mkdtemp(join(tmpdir(), "svc-ooxml-"));
  try {
    const files = await Promise.all(
      packages.map(async (bytes, i) => {
        const file = join(dir, `book${i}.xlsx`);
        await writeFile(file, bytes);
        return file;
      }),
    );
    const { stdout } = await run(process.execPath, [join(__dirname, "validate-many.mjs"), ...files], {
      maxBuffer: 1 << 26,
      timeout: 600_000,
    });
    return JSON.parse(stdout) as { description: string; path: { partUri: string } }[][];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
