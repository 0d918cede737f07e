/**
 * Every CLI command, in the order `--help` lists them. Adding a command = one file in this
 * folder and one line here.
 */
import type { Command } from "../command";
import { appraisalCommand } from "./appraisal";
import { audit6sCommand } from "./audit6s";
import { demoCommand } from "./demo";
import { audit6sSummaryCommand } from "./audit6s-summary";
import { bonusCommand } from "./bonus";
import { callLogCommand } from "./call-log";
import { conductLogCommand } from "./conduct-log";
import { kpiCommand } from "./kpi";
import { partsLedgerCommand } from "./parts-ledger";
import { warrantyPartsCommand } from "./warranty-parts";
import { claimsCommand } from "./claims";

export const COMMANDS: readonly Command[] = [
  appraisalCommand,
  audit6sCommand,
  audit6sSummaryCommand,
  kpiCommand,
  bonusCommand,
  partsLedgerCommand,
  warrantyPartsCommand,
  claimsCommand,
  callLogCommand,
  conductLogCommand,
  demoCommand,
];
