import { text, type Text } from "../core/i18n/text";
import { fail, ok, type Result } from "../core/problem";
import { dateToSerial } from "../core/dates/serial";
import { parseDateTime } from "../core/dates/parseDateTime";
import { parseFaultCategory } from "../core/sla/category";
import { slaRule, type SlaFacts, type SlaRule } from "../core/sla/rule";
import { slaDeadline, slaStatus } from "../core/sla/state";
import { parseContactMethod } from "../core/sla/contactMethod";
import { isBlank } from "../core/values/blank";
import { toNumber } from "../core/values/toNumber";
import { parseYesNo } from "../core/values/yesNo";
import { BLANK, broadcastMap } from "./broadcast";
import { asMatrix } from "./grid";
import { currentLocale, type Grid } from "./runtime";

const REPORTED = text("报修时间", "reportedAt");
const CATEGORY = text("故障类别", "category");
const DISTANCE = text("服务半径", "distanceKm");
const SUPPLIER = text("需配套厂家处理", "supplierNeeded");
const REPLIED = text("首次答复时间", "repliedAt");
const ARRIVED = text("到达现场时间", "arrivedAt");
const AS_OF = text("截至时间", "asOf");
const METHOD = text("答复方式", "replyMethod");

/** The clock behind "asOf defaults to now" (the computer's local wall clock). Replaceable in tests. */
let clock: () => Date = () => new Date();
export function setClock(next: () => Date): void {
  clock = next;
}

function prefixed<T>(r: Result<T>, what: Text): Result<T> {
  if (r.ok) return r;
  const m = r.problem.message;
  return fail(r.problem.kind, text(`${what.zh}：${m.zh}`, `${what.en}: ${m.en}`));
}

function readFacts(category: unknown, distance: unknown, supplier: unknown): Result<SlaFacts> {
  const cat = parseFaultCategory(category);
  if (!cat.ok) return cat;
  const dist = toNumber(distance, DISTANCE);
  if (!dist.ok) return dist;
  const sup = parseYesNo(supplier, "no", SUPPLIER); // RULES.md#work-order-register: a blank yes/no cell means 否
  if (!sup.ok) return sup;
  return ok({ category: cat.value, distanceKm: dist.value, supplierNeeded: sup.value });
}

function readReported(v: unknown): Result<number> {
  if (isBlank(v)) return fail("na", text("没有报修时间（单元格为空）", "no report time (the cell is blank)"));
  const r = parseDateTime(v, REPORTED);
  return r.ok ? ok(r.value as number) : r;
}

/** The four arguments that describe an order, in the order both SLA functions take them. */
function orderArgs(reported: unknown, category: unknown, distance: unknown, supplier: unknown) {
  return [
    { name: REPORTED, m: asMatrix(reported) ?? BLANK },
    { name: CATEGORY, m: asMatrix(category) ?? BLANK },
    { name: DISTANCE, m: asMatrix(distance) ?? BLANK },
    { name: SUPPLIER, m: asMatrix(supplier) ?? BLANK },
  ];
}

/** An order's 报修时间 and SLA facts from its four cells. */
function readOrder(cells: readonly unknown[]): Result<{ reportedAt: number; facts: SlaFacts }> {
  const reported = readReported(cells[0]);
  if (!reported.ok) return reported;
  const facts = readFacts(cells[1], cells[2], cells[3]);
  return facts.ok ? ok({ reportedAt: reported.value, facts: facts.value }) : facts;
}

/** SVC.SLAHOURS — RULES.md#sla-deadlines: the limit in hours that applies to an order. */
export function slaHours(categoryArg: unknown, distanceArg: unknown, supplierArg: unknown): Grid<number> {
  const locale = currentLocale();
  return broadcastMap(
    [
      { name: CATEGORY, m: asMatrix(categoryArg) ?? BLANK },
      { name: DISTANCE, m: asMatrix(distanceArg) ?? BLANK },
      { name: SUPPLIER, m: asMatrix(supplierArg) ?? BLANK },
    ],
    locale,
    (cells) => {
      const facts = readFacts(cells[0], cells[1], cells[2]);
      if (!facts.ok) return facts;
      const rule = slaRule(facts.value);
      return rule.ok ? ok(rule.value.hours) : rule;
    },
  );
}

/** SVC.SLADEADLINE — RULES.md#sla-deadlines: 报修时间 + the limit, as an Excel date-time serial. */
export function slaDeadlineFn(
  reportedArg: unknown,
  categoryArg: unknown,
  distanceArg: unknown,
  supplierArg: unknown,
): Grid<number> {
  const locale = currentLocale();
  return broadcastMap(orderArgs(reportedArg, categoryArg, distanceArg, supplierArg), locale, (cells) => {
    const order = readOrder(cells);
    if (!order.ok) return order;
    const rule = slaRule(order.value.facts);
    if (!rule.ok) return rule;
    return slaDeadline(order.value.reportedAt, rule.value);
  });
}

function readEvent(rule: SlaRule, replied: unknown, arrived: unknown): Result<number | null> {
  return rule.event === "arrival"
    ? prefixed(parseDateTime(arrived, ARRIVED), ARRIVED)
    : prefixed(parseDateTime(replied, REPLIED), REPLIED);
}

/**
 * SVC.SLAMET — RULES.md#sla-deadlines: TRUE when met, FALSE when missed; pending and unknown are #N/A with a
 * message saying which; an event before the report time is #VALUE!. asOf (blank) = now.
 * replyMethod (书面/电话 …): a chassis-engine fault's reply by phone is not the written contact
 * 3.2.3 asks for, so it does not count (blank = not recorded, counts).
 */
export function slaMet(
  reportedArg: unknown,
  categoryArg: unknown,
  distanceArg: unknown,
  supplierArg: unknown,
  repliedArg: unknown,
  arrivedArg: unknown,
  asOfArg?: unknown,
  methodArg?: unknown,
): Grid<boolean> {
  const locale = currentLocale();
  let now: number | null = null;
  return broadcastMap(
    [
      ...orderArgs(reportedArg, categoryArg, distanceArg, supplierArg),
      { name: REPLIED, m: asMatrix(repliedArg) ?? BLANK },
      { name: ARRIVED, m: asMatrix(arrivedArg) ?? BLANK },
      { name: AS_OF, m: asMatrix(asOfArg) ?? BLANK },
      { name: METHOD, m: asMatrix(methodArg) ?? BLANK },
    ],
    locale,
    (cells) => {
      const read = readOrder(cells);
      if (!read.ok) return read;
      const { reportedAt, facts } = read.value;
      let asOf: number;
      if (isBlank(cells[6])) {
        if (now === null) {
          const n = dateToSerial(clock(), "local");
          if (!n.ok) return n;
          now = n.value;
        }
        asOf = now;
      } else {
        const a = parseDateTime(cells[6], AS_OF);
        if (!a.ok) return a;
        asOf = a.value as number;
      }
      const rule = slaRule(facts);
      let event: number | null = null;
      if (rule.ok) {
        const e = readEvent(rule.value, cells[4], cells[5]);
        if (!e.ok) return e;
        event = e.value;
      }
      const method = parseContactMethod(cells[7]);
      if (!method.ok) return method;
      const order = {
        ...facts,
        reportedAt,
        contactMethod: method.value,
        repliedAt: rule.ok && rule.value.event === "reply" ? event : null,
        arrivedAt: rule.ok && rule.value.event === "arrival" ? event : null,
      };
      const status = slaStatus(order, asOf);
      if (!status.ok) return status;
      const s = status.value;
      if (s.state === "met") return ok(true);
      if (s.state === "missed") return ok(false);
      return fail("na", s.reason);
    },
  );
}
