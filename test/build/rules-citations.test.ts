/**
 * Code cites the domain rules as `RULES.md#<anchor>`; each anchor must be a heading of
 * docs/RULES.md (GitHub's slug of it), so a renamed section cannot leave citations pointing at
 * nothing. The old numbered citations ("RULES.md#sla-deadlines") named a document outside the repository.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..", "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : filesUnder(path);
    return /\.(ts|tsx|mjs|md)$/.test(name) ? [path] : [];
  });
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
}

const rules = readFileSync(join(ROOT, "docs", "RULES.md"), "utf8");
const anchors = new Set([...rules.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])));
// This file's own comments show the citation forms; they are not citations.
const sources = [
  ...filesUnder(join(ROOT, "src")),
  ...filesUnder(join(ROOT, "test")),
  join(ROOT, "docs", "ARCHITECTURE.md"),
].filter((file) => file !== __filename);

describe("citations of docs/RULES.md", () => {
  test("the rules have the sections code cites most", () => {
    for (const a of ["sla-deadlines", "work-order-register", "monthly-kpis", "bonuses", "6s-scoring", "grade-bands"])
      expect(anchors).toContain(a);
  });

  test("every RULES.md#anchor in the code names a heading of docs/RULES.md", () => {
    const broken: string[] = [];
    let cited = 0;
    for (const file of sources) {
      for (const m of readFileSync(file, "utf8").matchAll(/RULES\.md#([\p{L}\p{N}-]+)/gu)) {
        cited++;
        if (!anchors.has(m[1])) broken.push(`${relative(ROOT, file)}: ${m[0]}`);
      }
    }
    expect(broken).toEqual([]);
    expect(cited).toBeGreaterThan(100);
  });

  test("no citation of the old numbered specification is left", () => {
    const old = sources.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\bSPEC (\d+(\.\d+)*|preamble)\b/g)].map(
        (m) => `${relative(ROOT, file)}: ${m[0]}`,
      ),
    );
    expect(old).toEqual([]);
  });
});
