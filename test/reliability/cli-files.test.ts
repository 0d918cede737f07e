/**
 * The command line's promises about files (issue 15, point 5): an input is never modified —
 * not with --force, not through a symlink or a hard link; an existing output stays
 * byte-identical after a refusal; a missing folder is one clear line; --out and --json are
 * written together or not at all; a month beyond Excel's dates is a message, not "internal
 * error". Inputs are hashed before and after.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/cli";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "svc-cli-files-"));
  writeFileSync(
    join(dir, "orders.csv"),
    "\ufeff工单号,服务人员,报修时间,客户满意度\nW1,张三,2026-10-05 08:30,9\nW2,李四,2026-10-06 09:00,8\n",
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const hash = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");
const kpi = (...extra: string[]) => ["kpi", "--orders", "orders.csv", "--month", "2026-10", ...extra];

function oneLine(err: readonly string[]): string {
  expect(err).toHaveLength(1);
  expect(err[0]).not.toMatch(/internal error|内部错误|\n|at .*\.(js|ts):\d/);
  return err[0]!;
}

describe("inputs are never modified", () => {
  it("--out equal to the input is refused even with --force", async () => {
    const before = hash(join(dir, "orders.csv"));
    const r = await runCli(kpi("--out", "orders.csv", "--force"), { cwd: dir, lang: "en-US" });
    expect(r.code).not.toBe(0);
    expect(hash(join(dir, "orders.csv"))).toBe(before);
  });

  it("--out through a symlink to the input, or a hard link to it, is refused even with --force", async () => {
    // An .xlsx input, so that --out's extension check is not what refuses it.
    const first = await runCli(kpi("--out", "book.xlsx"), { cwd: dir, lang: "en-US" });
    expect(first.code).toBe(0);
    const before = hash(join(dir, "book.xlsx"));
    symlinkSync(join(dir, "book.xlsx"), join(dir, "alias.xlsx"));
    linkSync(join(dir, "book.xlsx"), join(dir, "hard.xlsx"));
    for (const out of ["alias.xlsx", "hard.xlsx"]) {
      const r = await runCli(["kpi", "--orders", "book.xlsx", "--month", "2026-10", "--out", out, "--force"], {
        cwd: dir,
        lang: "en-US",
      });
      expect(oneLine(r.err)).toMatch(/is the input file .*never modified/);
      expect(r.code).toBe(2);
      expect(hash(join(dir, "book.xlsx"))).toBe(before);
    }
  });

  it("an --in workbook is never modified, even when --out names it through a symlink with --force", async () => {
    writeFileSync(join(dir, "people.csv"), "姓名,部门\n张三,售后一部\n");
    expect((await runCli(["audit6s", "--areas", "A", "--out", "in.xlsx"], { cwd: dir })).code).toBe(0);
    const before = hash(join(dir, "in.xlsx"));
    symlinkSync(join(dir, "in.xlsx"), join(dir, "link.xlsx"));
    const r = await runCli(
      [
        "appraisal",
        "--template",
        "staff",
        "--people",
        "people.csv",
        "--period",
        "2026-Q3",
        "--in",
        "in.xlsx",
        "--out",
        "link.xlsx",
        "--force",
      ],
      { cwd: dir, lang: "en-US" },
    );
    expect(r.code).not.toBe(0);
    expect(hash(join(dir, "in.xlsx"))).toBe(before);
  });

  it("bonus --out equal to --input through a symlink is refused", async () => {
    writeFileSync(join(dir, "people.csv"), "姓名,岗位标准绩效,考核奖金比例,Q1\n张三,60000,30%,A\n");
    expect(
      (
        await runCli(["bonus", "--input", "people.csv", "--year", "2026", "--quarter", "1", "--out", "b.xlsx"], {
          cwd: dir,
        })
      ).code,
    ).toBe(0);
    const before = hash(join(dir, "b.xlsx"));
    symlinkSync(join(dir, "b.xlsx"), join(dir, "b2.xlsx"));
    const r = await runCli(
      ["bonus", "--input", "b2.xlsx", "--year", "2026", "--quarter", "1", "--out", "b.xlsx", "--force"],
      {
        cwd: dir,
        lang: "en-US",
      },
    );
    expect(oneLine(r.err)).toMatch(/input file/);
    expect(hash(join(dir, "b.xlsx"))).toBe(before);
  });
});

describe("outputs", () => {
  it("an existing --out is byte-identical after a refusal without --force", async () => {
    writeFileSync(join(dir, "kpi.xlsx"), "not touched");
    const before = hash(join(dir, "kpi.xlsx"));
    const r = await runCli(kpi("--out", "kpi.xlsx"), { cwd: dir, lang: "en-US" });
    expect(oneLine(r.err)).toMatch(/already exists; add --force/);
    expect(hash(join(dir, "kpi.xlsx"))).toBe(before);
  });

  it("a missing folder is one clear line, before any work", async () => {
    const r = await runCli(kpi("--out", "no/such/folder/kpi.xlsx"), { cwd: dir, lang: "en-US" });
    expect(oneLine(r.err)).toMatch(/the folder of --out does not exist: .*no\/such\/folder/);
    expect(r.code).not.toBe(0);
  });

  it("a --json that cannot be written leaves no --out behind (all or nothing), and no temporary files", async () => {
    // /proc exists and is a folder, but nobody — not even root — can create a file in it.
    const r = await runCli(kpi("--out", "kpi.xlsx", "--json", "/proc/kpi.json"), { cwd: dir, lang: "en-US" });
    expect(r.code).not.toBe(0);
    expect(oneLine(r.err)).toMatch(/cannot write \/proc\/kpi\.json/);
    expect(existsSync(join(dir, "kpi.xlsx"))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("with --force both outputs are replaced together", async () => {
    writeFileSync(join(dir, "kpi.xlsx"), "old");
    writeFileSync(join(dir, "kpi.json"), "old");
    const r = await runCli(kpi("--out", "kpi.xlsx", "--json", "kpi.json", "--force"), { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "kpi.json"), "utf8")).toMatch(/"rowsRead": 2/);
    expect(readFileSync(join(dir, "kpi.xlsx")).subarray(0, 2).toString()).toBe("PK");
    expect(readdirSync(dir).sort()).toEqual(["kpi.json", "kpi.xlsx", "orders.csv"]);
  });

  it("--json in a subfolder that exists works; an --out that is a folder is refused", async () => {
    mkdirSync(join(dir, "out"));
    const r = await runCli(kpi("--out", "out", "--force"), { cwd: dir, lang: "en-US" });
    expect(r.code).not.toBe(0);
    const ok = await runCli(kpi("--out", "out/k.xlsx", "--json", "out/k.json"), { cwd: dir });
    expect(ok.code).toBe(0);
  });
});

describe("options at the edge of Excel's dates", () => {
  it.each(["9999-12", "1900-01"])("--month %s is a clear message, not an internal error", async (month) => {
    const r = await runCli(["kpi", "--orders", "orders.csv", "--month", month, "--out", "k.xlsx"], {
      cwd: dir,
      lang: "en-US",
    });
    expect(oneLine(r.err)).toMatch(/out of range/);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, "k.xlsx"))).toBe(false);
  });
});
