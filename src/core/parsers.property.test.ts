/**
 * Property tests for every parser and the numeric invariants of the engine: random cells of
 * every kind never make a parser throw, results are well-formed, and round trips hold.
 */
import fc from "fast-check";
import { parseAuditItem, PASS_FAIL_SCALE, sScore } from "./audit6s/scoring";
import { roundMoney } from "./bonus/money";
import { countFailedQuarters, parseCoefficientTable, quarterBonus, yearEndBonus } from "./bonus/rules";
import { parseDateTime } from "./dates/parseDateTime";
import { dateTimeToSerial, formatSerial, serialToDateTime } from "./dates/serial";
import { gradeOf } from "./grading/gradeOf";
import { parseBandTable } from "./grading/parseBandTable";
import type { Result } from "./problem";
import { rankWithTies } from "./scoring/rank";
import { weightedScore } from "./scoring/weightedScore";
import { FIVE_POINT, HUNDRED_POINT } from "./settings";
import { parseFaultCategory } from "./sla/category";
import { slaStatus } from "./sla/state";
import { toNumber } from "./values/toNumber";
import { parseYesNo } from "./values/yesNo";

/** Any cell Excel (or a careless caller) might hand over. */
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e308, -1e308, 5e-324),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "",
    " ",
    "N/A",
    "不适用",
    "是",
    "否",
    "TRUE",
    "85%",
    "1,234.5",
    "２０２６/10/5 8:30",
    "2026-02-30",
    "车身",
    "底盘",
    "A",
    "D",
    "不合格",
    "合格",
    "#N/A",
    "=1+1",
    "-",
    "e",
    "%",
  ),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.record({ code: fc.constantFrom("#N/A", "#DIV/0!", "#REF!") }),
  fc.object(),
  fc.array(fc.integer(), { maxLength: 2 }),
);

function wellFormed(r: Result<unknown>): boolean {
  if (r.ok) return true;
  const p = r.problem;
  return (
    ["value", "num", "na"].includes(p.kind) &&
    typeof p.message.zh === "string" &&
    p.message.zh.length > 0 &&
    typeof p.message.en === "string" &&
    p.message.en.length > 0
  );
}

const naive = fc.record({
  year: fc.integer({ min: 1900, max: 9999 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
  millisecond: fc.integer({ min: 0, max: 999 }),
});
const p2 = (n: number) => String(n).padStart(2, "0");

describe("parsers never throw and return well-formed results", () => {
  const parsers: [string, (v: unknown) => Result<unknown>][] = [
    ["toNumber", (v) => toNumber(v)],
    ["parseYesNo(no)", (v) => parseYesNo(v, "no")],
    ["parseYesNo(missing)", (v) => parseYesNo(v, "missing")],
    ["parseDateTime", (v) => parseDateTime(v)],
    ["parseFaultCategory", (v) => parseFaultCategory(v)],
    ["parseAuditItem", (v) => parseAuditItem(v)],
    ["parseAuditItem(pass/fail)", (v) => parseAuditItem(v, PASS_FAIL_SCALE)],
    [
      "parseBandTable",
      (v) =>
        parseBandTable([
          [v, "A"],
          [0, v],
        ]),
    ],
    [
      "parseCoefficientTable",
      (v) =>
        parseCoefficientTable([
          [v, v],
          ["D", 0],
        ]),
    ],
    ["countFailedQuarters", (v) => countFailedQuarters([v, "A"])],
  ];
  it.each(parsers)("%s", (_, parse) => {
    fc.assert(
      fc.property(anyCell, (v) => wellFormed(parse(v))),
      { numRuns: 500 },
    );
  });
  it("toNumber never yields a non-finite number and never accepts booleans", () => {
    fc.assert(
      fc.property(anyCell, (v) => {
        const r = toNumber(v);
        if (typeof v === "boolean") return !r.ok;
        return !r.ok || r.value === null || Number.isFinite(r.value);
      }),
    );
  });
  it("toNumber reads back any finite number written as text", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const r = toNumber(String(n));
        return r.ok && Object.is(r.value, n === 0 ? Number(String(n)) : n);
      }),
    );
  });
});

describe("dates round-trip", () => {
  it("parts → serial → parts", () => {
    fc.assert(
      fc.property(naive, (d) => {
        const s = dateTimeToSerial(d);
        if (!s.ok) return false;
        const back = serialToDateTime(s.value);
        return back.ok && JSON.stringify(back.value) === JSON.stringify(d);
      }),
      { numRuns: 1000 },
    );
  });
  it("text in each date format of RULES.md#work-order-register → the same serial as the parts (to the millisecond)", () => {
    fc.assert(
      fc.property(naive, fc.integer({ min: 0, max: 4 }), (d, form) => {
        const s = dateTimeToSerial({ ...d, millisecond: 0 });
        if (!s.ok) return false;
        const time = `${d.hour}:${p2(d.minute)}:${p2(d.second)}`;
        const txt = [
          `${d.year}-${p2(d.month)}-${p2(d.day)} ${p2(d.hour)}:${p2(d.minute)}:${p2(d.second)}`,
          `${d.year}/${d.month}/${d.day} ${time}`,
          `${d.year}年${d.month}月${d.day}日 ${time}`,
          `${d.year}-${p2(d.month)}-${p2(d.day)}T${p2(d.hour)}:${p2(d.minute)}:${p2(d.second)}`,
          `${d.year}.${p2(d.month)}.${p2(d.day)} ${time}`,
        ][form];
        const r = parseDateTime(txt);
        return r.ok && r.value !== null && Math.round(r.value * 86400000) === Math.round(s.value * 86400000);
      }),
      { numRuns: 1000 },
    );
  });
  it("formatSerial output parses back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61 * 1440, max: 2958465 * 1440 }), (minutes) => {
        const serial = minutes / 1440;
        const r = parseDateTime(formatSerial(serial));
        return r.ok && Math.round((r.value as number) * 1440) === minutes;
      }),
    );
  });
});

describe("numeric invariants", () => {
  it("gradeOf is monotone: a higher score never gets a lower band", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const gl = gradeOf(lo, HUNDRED_POINT);
          const gh = gradeOf(hi, HUNDRED_POINT);
          if (!gl.ok || !gh.ok) return false;
          return HUNDRED_POINT.bands.indexOf(gh.value) <= HUNDRED_POINT.bands.indexOf(gl.value);
        },
      ),
    );
  });
  it("gradeOf on five-point: inside 0–5 always grades, outside never does", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (s) => {
        const r = gradeOf(s, FIVE_POINT);
        return r.ok === (s >= -1e-9 && s <= 5 + 1e-9);
      }),
    );
  });
  it("weightedScore lies between the lowest and highest assessed score and ignores weight scaling", () => {
    const item = fc.tuple(
      fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: null }),
      fc.double({ min: 0.001, max: 100, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (items, k) => {
          const scores = items.map((i) => i[0]);
          const weights = items.map((i) => i[1]);
          const r = weightedScore(scores, weights, { min: 0, max: 5 });
          const assessed = scores.filter((s): s is number => s !== null);
          if (assessed.length === 0) return !r.ok && r.problem.kind === "na";
          if (!r.ok) return false;
          const r2 = weightedScore(
            scores,
            weights.map((w) => w * k),
            { min: 0, max: 5 },
          );
          return (
            r.value.score >= Math.min(...assessed) - 1e-9 &&
            r.value.score <= Math.max(...assessed) + 1e-9 &&
            r2.ok &&
            Math.abs(r2.value.score - r.value.score) < 1e-9
          );
        },
      ),
    );
  });
  it("weightedScore never returns a number when a score is text or boolean", () => {
    fc.assert(
      fc.property(fc.array(anyCell, { minLength: 1, maxLength: 8 }), (cells) => {
        const r = weightedScore(
          cells,
          cells.map(() => 1),
        );
        const bad = cells.some((c) => typeof c === "boolean" || (typeof c === "object" && c !== null));
        return !bad || !r.ok;
      }),
    );
  });
  it("roundMoney: within half a cent, at most 2 decimals, idempotent", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const r = roundMoney(x);
        if (!r.ok) return false;
        const again = roundMoney(r.value);
        return (
          Math.abs(r.value - x) <= 0.005 + 1e-6 &&
          Number(r.value.toFixed(2)) === r.value &&
          again.ok &&
          again.value === r.value
        );
      }),
      { numRuns: 1000 },
    );
  });
  it("roundMoney agrees with rounding the 15-digit decimal text of whole cents and halves", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (milli) => {
        const x = Number(`${Math.floor(milli / 1000)}.${String(milli % 1000).padStart(3, "0")}`);
        const r = roundMoney(x);
        const expected = Math.floor(milli / 10) + (milli % 10 >= 5 ? 1 : 0);
        return r.ok && Math.round(r.value * 100) === expected;
      }),
      { numRuns: 2000 },
    );
  });
  it("rankWithTies: ranks are 1..n and respect the order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 30 }), (xs) => {
        const ranks = rankWithTies(xs) as number[];
        return xs.every((x, i) => ranks[i] === 1 + xs.filter((y) => y > x).length);
      }),
    );
  });
  it("sScore stays within 0–100", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), { maxLength: 12 }), (xs) => {
        const r = sScore(xs.map((value) => ({ value })));
        return r.ok && (r.value.percent === null || (r.value.percent >= 0 && r.value.percent <= 100));
      }),
    );
  });
  it("bonuses are never negative and a forfeited year-end bonus is 0", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.constantFrom("A", "B", "C", "D"),
        fc.nat(4),
        fc.nat(5),
        fc.nat(3),
        (annual, g, f, y, red) => {
          const q = quarterBonus(annual, g);
          const ye = yearEndBonus(annual, { failedQuarters: f, yellowCards: y, redCards: red });
          if (!q.ok || !ye.ok) return false;
          const forfeited = f >= 2 || y >= 2 || red >= 1;
          return (
            q.value.amount >= 0 &&
            (g !== "D" || q.value.amount === 0) &&
            ye.value.forfeited === forfeited &&
            (!forfeited || ye.value.amount === 0)
          );
        },
      ),
    );
  });
  it("slaStatus never throws on random serials", () => {
    const t = fc.oneof(fc.double(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.double(),
        t,
        t,
        fc.double(),
        fc.constantFrom("body", "chassisEngine", "other", null),
        fc.option(fc.double(), { nil: null }),
        fc.option(fc.boolean(), { nil: null }),
        (rep, replied, arrived, asOf, category, distanceKm, supplierNeeded) => {
          const r = slaStatus(
            {
              reportedAt: rep,
              repliedAt: replied,
              arrivedAt: arrived,
              category: category as "body" | null,
              distanceKm,
              supplierNeeded,
            },
            asOf,
          );
          return wellFormed(r);
        },
      ),
    );
  });
});
