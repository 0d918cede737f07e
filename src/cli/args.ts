/** Helpers commands use to read their options with messages that name the option. */
import { text } from "../core/i18n/text";
import { CliError, type CommandContext } from "./command";

export function requireString(ctx: CommandContext, name: string): string {
  const v = ctx.values[name];
  if (typeof v !== "string" || v.trim() === "") {
    throw new CliError(text(`缺少参数 --${name}`, `missing option --${name}`), 2);
  }
  return v;
}

export function optionalString(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}

export function flag(ctx: CommandContext, name: string): boolean {
  return ctx.values[name] === true;
}
