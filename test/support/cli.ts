/** Runs the CLI in-process, capturing what it prints, with a fixed clock. */
import { main, type MainIO } from "../../src/cli/main";

export interface CliRun {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

export async function runCli(
  args: readonly string[],
  options: { cwd: string; lang?: string; now?: Date },
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const now = options.now ?? new Date(2026, 10, 25, 9, 30);
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
