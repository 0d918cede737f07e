/**
 * `service-appraisal <command> [options]`: the add-in's generators, headless. Bad arguments and
 * unreadable files give a one-line error and a non-zero exit, never a stack trace.
 */
import { parseArgs } from "node:util";
import { pick, resolveLocale, text, type Locale } from "../core/i18n/text";
import { describeProblem, ProblemError } from "../core/problem";
import { CliError, type CommandSpec } from "./command";
import { COMMANDS } from "./commands";

const GLOBAL_OPTIONS = {
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export interface MainIO {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => Date;
}

const defaultIO: MainIO = {
  stdout: (l) => process.stdout.write(`${l}\n`),
  stderr: (l) => process.stderr.write(`${l}\n`),
  cwd: process.cwd(),
  env: process.env,
  now: () => new Date(),
};

/** Runs the CLI and returns the exit code (0 ok, 1 failed, 2 bad usage). */
export async function main(argv: readonly string[], io: MainIO = defaultIO): Promise<number> {
  const langArg = argv.find((a, i) => a.startsWith("--lang=") || argv[i - 1] === "--lang");
  const locale: Locale = resolveLocale(langArg?.replace(/^--lang=/, "") ?? io.env.LC_ALL ?? io.env.LANG ?? "en-US");
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage(locale));
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(
      `service-appraisal: ${pick(text(`未知命令“${name}”。可用命令：${COMMANDS.map((c) => c.name).join("、")}`, `unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}`), locale)}`,
    );
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, ...GLOBAL_OPTIONS },
      allowPositionals: false,
      strict: true,
    });
  } catch (e) {
    io.stderr(`service-appraisal ${name}: ${argumentMessage(e, locale)}`);
    io.stderr(commandUsage(command));
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(`${pick(command.summary, locale)}\n${commandUsage(command)}`);
    return 0;
  }
  try {
    // The command's own modules load here, for this command only.
    const loaded = await command.load();
    await loaded.run({
      values: parsed.values,
      positionals: parsed.positionals,
      locale,
      cwd: io.cwd,
      out: io.stdout,
      now: io.now,
    });
    return 0;
  } catch (e) {
    if (e instanceof ProblemError) {
      io.stderr(`service-appraisal ${name}: ${pick(describeProblem(e.problem), locale)}`);
      return e instanceof CliError ? e.exitCode : 1;
    }
    // Anything else is our bug; still one line, with what the user can do.
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(
      `service-appraisal ${name}: ${pick(text(`内部错误：${message}（请把这条信息报告给维护者）`, `internal error: ${message} (please report this line to the maintainers)`), locale)}`,
    );
    return 1;
  }
}

function argumentMessage(e: unknown, locale: Locale): string {
  const raw = e instanceof Error ? e.message : String(e);
  return pick(text(`参数错误：${raw}`, `bad arguments: ${raw}`), locale);
}

function commandUsage(command: CommandSpec): string {
  return command.usage.map((u) => `  service-appraisal ${u}`).join("\n");
}

function usage(locale: Locale): string {
  const lines = [
    pick(
      text(
        "用法：service-appraisal <命令> [选项]   （--lang zh|en，--help）",
        "usage: service-appraisal <command> [options]   (--lang zh|en, --help)",
      ),
      locale,
    ),
    "",
  ];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(18)} ${pick(c.summary, locale)}`);
  return lines.join("\n");
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`service-appraisal: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
