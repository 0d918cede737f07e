/**
 * Every CLI command, in the order `--help` lists them, each loaded only when it runs: starting
 * the CLI for one command does not load the others' modules (mathjs for the bonus formulas alone
 * is about 70 MB and a second or two). Adding a command = one file in this folder, its spec in
 * specs.ts and one line here.
 */
import type { LazyCommand } from "../command";
import {
  APPRAISAL,
  AUDIT6S,
  AUDIT6S_SUMMARY,
  BONUS,
  CALL_LOG,
  CLAIMS,
  CONDUCT_LOG,
  DEMO,
  KPI,
  PARTS_LEDGER,
  RETURN_VISITS,
  WARRANTY_PARTS,
} from "./specs";

export const COMMANDS: readonly LazyCommand[] = [
  { ...APPRAISAL, load: async () => (await import("./appraisal")).appraisalCommand },
  { ...AUDIT6S, load: async () => (await import("./audit6s")).audit6sCommand },
  { ...AUDIT6S_SUMMARY, load: async () => (await import("./audit6s-summary")).audit6sSummaryCommand },
  { ...KPI, load: async () => (await import("./kpi")).kpiCommand },
  { ...BONUS, load: async () => (await import("./bonus")).bonusCommand },
  { ...PARTS_LEDGER, load: async () => (await import("./parts-ledger")).partsLedgerCommand },
  { ...WARRANTY_PARTS, load: async () => (await import("./warranty-parts")).warrantyPartsCommand },
  { ...CLAIMS, load: async () => (await import("./claims")).claimsCommand },
  { ...CALL_LOG, load: async () => (await import("./call-log")).callLogCommand },
  { ...CONDUCT_LOG, load: async () => (await import("./conduct-log")).conductLogCommand },
  { ...RETURN_VISITS, load: async () => (await import("./return-visits")).returnVisitsCommand },
  { ...DEMO, load: async () => (await import("./demo")).demoCommand },
];
