/**
 * A CLI command: a name, bilingual help, its option spec (node:util parseArgs), and `run`.
 * Commands throw CliError for anything the user must fix; main() prints it as one line.
 */
import type { ParseArgsConfig } from "node:util";
import type { Locale, Text } from "../core/i18n/text";
import { problem, ProblemError } from "../core/problem";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface CommandContext {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
  readonly locale: Locale;
  readonly cwd: string;
  /** Progress and results for people (stdout). */
  readonly out: (line: string) => void;
  /** The current time; injectable so tests and --as-of defaults are reproducible. */
  readonly now: () => Date;
}

/** A command as `--help` and the argument parser know it (commands/specs.ts). */
export interface CommandSpec {
  readonly name: string;
  readonly summary: Text;
  /** One usage line per form, e.g. "kpi --orders FILE --month 2026-10 --out FILE.xlsx". */
  readonly usage: readonly string[];
  readonly options: OptionSpec;
}

export interface Command extends CommandSpec {
  run(ctx: CommandContext): Promise<void>;
}

/** A command listed by its spec whose modules load only when it runs (`load`). */
export interface LazyCommand extends CommandSpec {
  load(): Promise<Command>;
}

/**
 * An error the user can fix: bad arguments (exit 2) or input that cannot be used (exit 1).
 * main() prints any ProblemError as one line (describeProblem) and exits 1; a CliError chooses
 * its exit code.
 */
export class CliError extends ProblemError {
  constructor(
    message: Text,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(problem("value", message));
    this.name = "CliError";
  }
}
