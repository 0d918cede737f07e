/**
 * Every CLI command, in the order `--help` lists them. Adding a command = one file in this
 * folder and one line here.
 */
import type { Command } from "../command";

export const COMMANDS: readonly Command[] = [];
