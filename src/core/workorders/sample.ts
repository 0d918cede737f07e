/**
 * A deterministic sample of work orders *as departments really export them*: headers in
 * Chinese, English or a local variant (维修人员, 报修日期 …), dates as Excel serials or text in
 * every RULES.md#work-order-register format, yes/no in every variant, blank technicians, and a sprinkling of
 * mistakes — unreadable dates, ratings outside 1–10, negative distances, unknown categories,
 * arrivals before the report, repeated order IDs, rows without a report time, empty rows.
 * Same seed, same table. Used by the tests, the benchmarks and the `demo` command.
 */
import { dateTimeToSerial, serialToDateTime } from "../dates/serial";
import { monthBounds, type Month } from "./month";
import { ORDER_FIELDS, type OrderField } from "./fields";
import type { WorkOrder } from "./parseOrders";
import { draw, sampleNames, type Draw } from "../sample/random";

/** A cell as a table holds it. */
export type SampleCell = string | number | boolean | null;
type Scalar = SampleCell;

export interface SampleOptions {
  readonly seed?: number;
  /** Data rows to produce (mistakes included). */
  readonly count?: number;
  /** The month most orders fall in; about 15% fall in the month before, 5% after. */
  readonly month?: Month;
  /** How many named technicians (plus some unassigned orders). */
  readonly technicians?: number;
  /** Header style: the register's own Chinese headers, English ones, or mixed local variants. */
  readonly headers?: "zh" | "en" | "variants";
  /** Share of rows carrying a deliberate mistake (0–1). Default 0.03. */
  readonly mistakes?: number;
  /** Share of dates written as Excel serial numbers rather than text (0–1). Default 0.4. */
  readonly serialDates?: number;
}

export interface SampleTable {
  /** The header row. */
  readonly headers: readonly string[];
  /** Data rows, one per order (and the odd empty or faulty row), same width as the headers. */
  readonly rows: readonly (readonly Scalar[])[];
}

const CUSTOMERS = [
  "宇通客运",
  "金龙公交",
  "市公交集团",
  "顺达物流",
  "绿源环卫",
  "长运集团",
  "城建工程",
  "华夏旅游",
  "通达快运",
  "新城校车",
];
const MODELS = ["ZK6105", "ZK6125", "XMQ6119", "KLQ6109", "BJ6123", "SLK6118", "HFF6120", "GTQ6858"];
const CATEGORY_WORDS: readonly (readonly string[])[] = [
  ["车身", "车身", "车身类", "body"],
  ["底盘发动机", "底盘", "发动机", "底盘/发动机", "chassis-engine"],
  ["其他", "其它", "other"],
];
/** Ratings of customers who were broadly happy: mostly 8–10, some 7. */
const SATISFIED: readonly number[] = [7, 8, 8, 9, 9, 9, 10, 10, 10, 10];
const YES: readonly Scalar[] = ["是", "是", "是", "Y", "yes", "TRUE", true, 1, "✓", "√"];
const NO: readonly Scalar[] = ["否", "否", "否", "N", "no", "FALSE", false, 0, "✗", "×"];

const VARIANT_HEADERS: Readonly<Partial<Record<OrderField, readonly string[]>>> = {
  orderId: ["工单编号", "单号", "服务单号"],
  technician: ["维修人员", "工程师", "服务工程师"],
  product: ["车辆编号", "产品型号"],
  category: ["故障类型", "故障分类"],
  reportedAt: ["报修日期", "受理时间"],
  dispatchedAt: ["派单时间", "派工日期"],
  repliedAt: ["答复时间", "首次回复时间"],
  contactMethod: ["回复方式"],
  arrivedAt: ["到达时间", "到场时间"],
  completedAt: ["完工时间", "结案时间"],
  distanceKm: ["服务距离(km)", "距离（公里）"],
  mileageKm: ["行驶里程", "里程"],
  supplierNeeded: ["需厂家处理", "配套厂家处理"],
  warranty: ["是否三包"],
  firstTimeFix: ["一次修复成功"],
  quality: ["维修质量", "质量评分"],
  satisfaction: ["满意度", "满意度评分"],
  returnVisit: ["回访", "是否回访"],
  complaint: ["投诉", "是否投诉"],
  serviceCaused: ["是否服务责任"],
  complaintHandled: ["投诉处理"],
};
// No variants for the 服务报告 headers: drawing one would shift the header stream of every seed.

/** Whole minutes, as people and systems record times. */
function minute(serial: number): number {
  return Math.round(serial * 1440) / 1440;
}

const REPLY_METHODS = ["written", "written", "written", "written", "phone"] as const;

/**
 * One clean order as the engine would read it: ~15% in the month before, ~5% after; replies
 * mostly within 12 h, arrivals mostly within 24 h, completion after arrival. The fields added
 * later (派工时间, 答复方式, 运行里程) come from a second stream `e`, so every earlier field is
 * the same for a seed as it always was.
 */
function drawOrder(d: Draw, e: Draw, rep: Draw, i: number, month: Month, people: readonly string[]): WorkOrder {
  const { rnd, pick, chance } = d;
  const cur = monthBounds(month);
  const prevStart = monthBounds(
    month.month === 1 ? { year: month.year - 1, month: 12 } : { year: month.year, month: month.month - 1 },
  ).start;
  const where = rnd();
  const reportedAt = minute(
    where < 0.15
      ? prevStart + rnd() * (cur.start - prevStart)
      : where < 0.95
        ? cur.start + rnd() * (cur.end - cur.start)
        : cur.end + rnd() * 28,
  );
  const categories = ["body", "chassisEngine", "other"] as const;
  const catIndex = Math.floor(rnd() * 10) < 5 ? 0 : Math.floor(rnd() * 10) < 7 ? 1 : 2;
  const reply = reportedAt + (0.5 + rnd() * (chance(0.85) ? 11 : 20)) / 24;
  const arrive = reportedAt + (2 + rnd() * (chance(0.85) ? 21 : 40)) / 24;
  const done = arrive + (1 + rnd() * 30) / 24;
  const completed = chance(0.85);
  const rated = completed && chance(0.8);
  const complaint = chance(0.05);
  const dispatched = e.chance(0.1) ? null : minute(reportedAt + (0.1 + e.rnd() * 1.8) / 24);
  const method = e.chance(0.1) ? null : e.pick(REPLY_METHODS);
  const mileage = e.chance(0.45) ? null : Math.round(e.rnd() * 300_000);
  const report = drawServiceReport(rep, completed);
  return {
    row: i + 2,
    orderId: `WO${month.year}${String(i + 1).padStart(6, "0")}`,
    customer: pick(CUSTOMERS),
    technician: chance(0.04) ? null : pick(people),
    product: `${pick(MODELS)}-${1000 + Math.floor(rnd() * 9000)}`,
    category: chance(0.02) ? null : categories[catIndex],
    reportedAt,
    dispatchedAt: dispatched,
    repliedAt: chance(0.07) ? null : minute(reply),
    contactMethod: method,
    arrivedAt: chance(0.12) ? null : minute(arrive),
    completedAt: completed ? minute(done) : null,
    distanceKm: chance(0.05) ? null : Math.round(rnd() * 1800) / 10,
    mileageKm: mileage,
    supplierNeeded: chance(0.15),
    warranty: chance(0.55),
    firstTimeFix: completed && chance(0.8),
    quality: rated ? 5 + Math.floor(rnd() * 6) : null,
    satisfaction: rated ? (chance(0.92) ? pick(SATISFIED) : 1 + Math.floor(rnd() * 6)) : null,
    returnVisit: completed && chance(0.75),
    complaint,
    serviceCaused: complaint && chance(0.5),
    complaintHandled: complaint && chance(0.75),
    ...report,
  };
}

const PARTS: readonly (readonly [string, string])[] = [
  ["水泵", "漏水"],
  ["发电机", "不发电"],
  ["空调压缩机", "异响"],
  ["刹车片", "磨损超限"],
  ["门泵", "开关门失灵"],
  ["前大灯总成", "进水"],
  ["起动机", "无法启动"],
  ["后视镜", "破损"],
];

/**
 * The 服务报告 of an order (a third stream, `rep`, so the older fields stay as they were): most
 * completed orders signed; about a third with a part replaced, now and then with the reason or
 * the quantity missing or the old part not back.
 */
function drawServiceReport(
  rep: Draw,
  completed: boolean,
): Pick<WorkOrder, "signatureObtained" | "partName" | "partQuantity" | "partReason" | "oldPartReturned"> {
  const signed = completed && rep.chance(0.9);
  if (!completed || !rep.chance(0.35))
    return { signatureObtained: signed, partName: null, partQuantity: null, partReason: null, oldPartReturned: false };
  const [part, reason] = rep.pick(PARTS);
  return {
    signatureObtained: signed,
    partName: part,
    partQuantity: rep.chance(0.05) ? null : 1 + Math.floor(rep.rnd() * 3),
    partReason: rep.chance(0.08) ? null : reason,
    oldPartReturned: rep.chance(0.85),
  };
}

/**
 * Clean orders, straight from the generator (no text to parse): for benchmarks and tests that
 * need many orders fast. Same seed, same orders.
 *
 * @example
 * const orders = sampleOrders({ seed: 1, count: 1_000_000 });
 */
export function sampleOrders(
  options: Pick<SampleOptions, "seed" | "count" | "month" | "technicians"> = {},
): WorkOrder[] {
  const d = draw(options.seed ?? 1);
  const e = laterFields(options.seed ?? 1);
  const month = options.month ?? { year: 2026, month: 10 };
  const people = sampleNames(d, options.technicians ?? 12);
  const out: WorkOrder[] = new Array<WorkOrder>(options.count ?? 3000);
  const rep = reportFields(options.seed ?? 1);
  for (let i = 0; i < out.length; i++) out[i] = drawOrder(d, e, rep, i, month, people);
  return out;
}

/**
 * Builds the sample table: each order drawn as by {@link sampleOrders}, then written the way
 * exports write it, with the odd mistake.
 *
 * @example
 * const { headers, rows } = sampleWorkOrders({ seed: 7, count: 3000, month: { year: 2026, month: 10 } });
 */
export function sampleWorkOrders(options: SampleOptions = {}): SampleTable {
  // Two streams: the orders exactly as sampleOrders draws them, and how they are written.
  const d = draw(options.seed ?? 1);
  const e = laterFields(options.seed ?? 1);
  const rep = reportFields(options.seed ?? 1);
  // How the 服务报告 fields are written: a stream of its own, so the drawing streams stay in step.
  const repWrite = draw(((options.seed ?? 1) ^ 0x3c6ef372) >>> 0);
  const { rnd, pick, chance } = draw(((options.seed ?? 1) ^ 0x5bd1e995) >>> 0);
  const count = options.count ?? 3000;
  const month = options.month ?? { year: 2026, month: 10 };
  const mistakes = options.mistakes ?? 0.03;
  const serialShare = options.serialDates ?? 0.4;
  const style = options.headers ?? "variants";
  const people = sampleNames(d, options.technicians ?? 12);
  const headers = ORDER_FIELDS.map((f) => {
    if (style === "zh") return f.label.zh;
    if (style === "en") return f.label.en;
    const variants = VARIANT_HEADERS[f.id];
    return variants && chance(0.5) ? pick(variants) : f.label.zh;
  });
  const col = new Map<OrderField, number>(ORDER_FIELDS.map((f, i) => [f.id, i]));
  const rows: Scalar[][] = [];
  // The order IDs written so far (each row's own, unique: WO + year + row number), which a
  // deliberate repeat copies. A repeat is one of the mistakes, so `mistakes: 0` gives a table
  // whose IDs are all different: at the default 3 % of rows with a mistake, 0.4 % repeat an ID.
  const written: string[] = [];
  const repeatShare = mistakes * (0.004 / 0.03);

  const writeDate = (serial: number | null): Scalar => {
    if (serial === null) return null;
    if (chance(serialShare)) return serial;
    const dt = serialToDateTime(serial);
    if (!dt.ok) return serial;
    const { year, month: m, day, hour, minute: min } = dt.value;
    const p2 = (n: number) => String(n).padStart(2, "0");
    switch (Math.floor(rnd() * 6)) {
      case 0:
        return `${year}-${p2(m)}-${p2(day)} ${p2(hour)}:${p2(min)}`;
      case 1:
        return `${year}/${m}/${day} ${hour}:${p2(min)}`;
      case 2:
        return `${year}年${m}月${day}日 ${hour}:${p2(min)}`;
      case 3:
        return `${year}-${p2(m)}-${p2(day)}T${p2(hour)}:${p2(min)}:00`;
      case 4:
        return `${year}.${p2(m)}.${p2(day)} ${p2(hour)}:${p2(min)}:00`;
      default:
        return `${year}年${m}月${day}日${hour}时${min}分`;
    }
  };
  // Yes in any of its spellings; no spelled out, or left blank (blank means 否).
  const yesNo = (v: boolean): Scalar => (v ? pick(YES) : chance(0.35) ? null : pick(NO));
  const CATEGORY_INDEX = { body: 0, chassisEngine: 1, other: 2 } as const;

  for (let i = 0; i < count; i++) {
    const o = drawOrder(d, e, rep, i, month, people);
    if (chance(0.002)) {
      rows.push(headers.map(() => null));
      continue;
    }
    const row: Scalar[] = headers.map(() => null);
    const set = (f: OrderField, v: Scalar): void => {
      row[col.get(f) as number] = v;
    };
    // The draw is made whatever `mistakes` is, so the rest of the table does not depend on it.
    const repeat = written.length > 10 && chance(repeatShare);
    if (repeat) set("orderId", pick(written));
    else {
      set("orderId", chance(0.3) ? (o.orderId as string).toLowerCase() : o.orderId);
      written.push(o.orderId as string);
    }
    set("customer", o.customer);
    set("technician", o.technician ?? (chance(0.5) ? null : "  "));
    set("product", o.product);
    set("category", o.category === null ? null : pick(CATEGORY_WORDS[CATEGORY_INDEX[o.category]]));
    set("reportedAt", writeDate(o.reportedAt));
    set("dispatchedAt", writeDate(o.dispatchedAt));
    set("repliedAt", writeDate(o.repliedAt));
    set("contactMethod", o.contactMethod === null ? null : pick(METHOD_WORDS[o.contactMethod]));
    set("arrivedAt", writeDate(o.arrivedAt));
    set("completedAt", writeDate(o.completedAt));
    set("distanceKm", o.distanceKm !== null && chance(0.1) ? `${o.distanceKm} km` : o.distanceKm);
    set("mileageKm", o.mileageKm);
    for (const f of [
      "supplierNeeded",
      "warranty",
      "firstTimeFix",
      "returnVisit",
      "complaint",
      "serviceCaused",
      "complaintHandled",
    ] as const)
      set(f, yesNo(o[f]));
    set("quality", o.quality);
    set("satisfaction", o.satisfaction);
    const w = repWrite;
    set("signatureObtained", o.signatureObtained ? w.pick(YES) : w.chance(0.5) ? null : w.pick(NO));
    set("partName", o.partName);
    set("partQuantity", o.partQuantity !== null && w.chance(0.2) ? `${o.partQuantity}个` : o.partQuantity);
    set("partReason", o.partReason);
    set("oldPartReturned", o.partName === null ? null : o.oldPartReturned ? w.pick(YES) : w.pick(NO));

    if (chance(mistakes)) {
      switch (Math.floor(rnd() * 9)) {
        case 0:
          set("reportedAt", null);
          break;
        case 1:
          set("reportedAt", pick(["明天上午", "2026-02-30 10:00", "n/a", "10月5日"]));
          break;
        case 2:
          set("satisfaction", pick([11, 0, "很好", -3]));
          break;
        case 3:
          set("distanceKm", pick([-12, "远", "约50公里"]));
          break;
        case 4:
          set("category", pick(["轮胎", "电器", "空调"]));
          break;
        case 5:
          set("arrivedAt", writeDate(minute(o.reportedAt - (1 + rnd() * 5) / 24)));
          break;
        case 6:
          set("warranty", pick(["maybe", "待定", 2]));
          break;
        case 7:
          set("quality", pick([12, "优"]));
          break;
        default:
          set("repliedAt", "尚未答复");
          break;
      }
    }
    rows.push(row);
  }
  return { headers, rows };
}

const METHOD_WORDS = {
  written: ["短信", "微信", "书面", "邮件", "电话+短信", "WeChat"],
  phone: ["电话", "手机", "phone"],
} as const;

/** The stream of the fields added after the sample's first version (see drawOrder). */
function laterFields(seed: number): Draw {
  return draw((seed ^ 0x27d4eb2f) >>> 0);
}

/** The stream of the 服务报告 fields (issue 12), drawn and written after everything else. */
function reportFields(seed: number): Draw {
  return draw((seed ^ 0x165667b1) >>> 0);
}

/** A serial for a wall-clock date-time (tests and fixtures). */
export function serialOf(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const r = dateTimeToSerial({ year, month, day, hour, minute, second: 0, millisecond: 0 });
  if (!r.ok) throw new RangeError(r.problem.message.en);
  return r.value;
}
