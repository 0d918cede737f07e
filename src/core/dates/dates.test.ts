import { parseDateTime } from "./parseDateTime";
import {
  dateTimeToSerial,
  dateToSerial,
  daysInMonth,
  formatSerial,
  serialToDateTime,
  serialToUtcDate,
  type NaiveDateTime,
} from "./serial";
import { expectProblem } from "../../../test/support/result";

const dt = (
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): NaiveDateTime => ({ year, month, day, hour, minute, second, millisecond });
const serial = (d: NaiveDateTime) => {
  const r = dateTimeToSerial(d);
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value;
};
const parsed = (v: unknown) => {
  const r = parseDateTime(v);
  return r.ok ? r.value : `!${r.problem.kind}`;
};

describe("Excel serials (1900 date system)", () => {
  it.each([
    [dt(1900, 1, 1), 1],
    [dt(1900, 2, 28), 59],
    [dt(1900, 2, 29), 60],
    [dt(1900, 3, 1), 61],
    [dt(1970, 1, 1), 25569],
    [dt(2026, 10, 5), 46300],
    [dt(9999, 12, 31), 2958465],
  ])("%j → %p", (d, s) => expect(serial(d)).toBe(s));
  it("adds the time as a fraction of a day", () => {
    expect(serial(dt(2026, 10, 5, 12))).toBe(46300.5);
    expect(serial(dt(2026, 10, 5, 8, 30))).toBeCloseTo(46300 + 8.5 / 24, 12);
  });
  it("round-trips through serialToDateTime, including the fake 1900-02-29 and 1900-01-00", () => {
    for (const d of [
      dt(1900, 1, 1),
      dt(1900, 2, 28, 23, 59, 59),
      dt(1900, 2, 29, 12),
      dt(1900, 3, 1),
      dt(2024, 2, 29, 8, 30, 15, 250),
      dt(9999, 12, 31, 23, 59, 59, 999),
    ]) {
      expect(serialToDateTime(serial(d))).toEqual({ ok: true, value: d });
    }
    expect(serialToDateTime(0)).toEqual({ ok: true, value: dt(1900, 1, 0) });
    expect(serialToDateTime(0.75)).toEqual({ ok: true, value: dt(1900, 1, 0, 18) });
  });
  it("rounds to the millisecond so 8:30 is not 8:29:59.999", () => {
    expect(serialToDateTime(46300.354166666664)).toEqual({ ok: true, value: dt(2026, 10, 5, 8, 30) });
    expect(serialToDateTime(46300.99999999999)).toEqual({ ok: true, value: dt(2026, 10, 6) });
  });
  it("refuses impossible parts and serials", () => {
    for (const d of [
      dt(2026, 2, 29),
      dt(2026, 2, 30),
      dt(2026, 13, 1),
      dt(2026, 4, 31),
      dt(1899, 12, 31),
      dt(10000, 1, 1),
      dt(2026, 1, 1, 24),
      dt(2026, 1, 1, 0, 60),
      dt(2026, 1, 1, 0, 0, 60),
      dt(2026, 1, 0),
      dt(2026.5, 1, 1),
    ]) {
      const r = dateTimeToSerial(d);
      expect(r.ok).toBe(false);
    }
    const r = dateTimeToSerial(dt(2026, 2, 30));
    expectProblem(r);
    expect(r.problem.message.en).toBe("2026-02-30 is not a date: February 2026 has 28 days");
    for (const s of [-1, NaN, Infinity, 2958466, 2958465.9999999999]) expect(serialToDateTime(s).ok).toBe(false);
  });
  it("daysInMonth knows leap years", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
  it("dateToSerial reads local or UTC clock fields; serialToUtcDate carries naive parts in UTC fields", () => {
    expect(dateToSerial(new Date(Date.UTC(2026, 9, 5, 12)), "utc")).toEqual({ ok: true, value: 46300.5 });
    const local = new Date(2026, 9, 5, 12, 0, 0);
    expect(dateToSerial(local, "local")).toEqual({ ok: true, value: 46300.5 });
    expect(dateToSerial(new Date(NaN), "utc").ok).toBe(false);
    const d = serialToUtcDate(46300.5);
    expect(d.ok && d.value.toISOString()).toBe("2026-10-05T12:00:00.000Z");
    expect(serialToUtcDate(60).ok).toBe(false);
    expect(serialToUtcDate(0).ok).toBe(false);
  });
  it("formatSerial", () => {
    expect(formatSerial(46300 + 8.5 / 24)).toBe("2026-10-05 08:30");
    expect(formatSerial(46300, true)).toBe("2026-10-05");
    expect(formatSerial(46300)).toBe("2026-10-05 00:00");
    expect(formatSerial(46300 + (8 * 3600 + 30 * 60 + 15) / 86400)).toBe("2026-10-05 08:30:15");
    expect(formatSerial(-5)).toBe("-5");
  });
});

describe("parseDateTime (RULES.md#work-order-register formats)", () => {
  const at830 = 46300 + 8.5 / 24;
  it.each([
    "2026-10-05 08:30",
    "2026/10/5 8:30",
    "2026年10月5日 8:30",
    "2026年10月5日8:30",
    "2026年10月5日 8时30分",
    "2026年10月5日 8点30分",
    "2026-10-05T08:30",
    "2026-10-05T08:30:00",
    "2026-10-05T08:30:00.000",
    "2026.10.05 08:30",
    "２０２６／１０／５　８：３０",
    "2026/10/5 8:30 AM",
    "2026/10/5 上午 8:30",
    "2026/10/5 8:30:00",
  ])("%p → 2026-10-05 08:30", (s) => {
    const v = parsed(s);
    expect(typeof v).toBe("number");
    expect(Math.round((v as number) * 86400000)).toBe(Math.round(at830 * 86400000));
  });
  it("reads seconds, milliseconds, PM and 下午", () => {
    expect(formatSerial(parsed("2026-10-05 08:30:15") as number)).toBe("2026-10-05 08:30:15");
    expect(formatSerial(parsed("2026/10/5 8:30 PM") as number)).toBe("2026-10-05 20:30");
    expect(formatSerial(parsed("2026/10/5 下午 8:30") as number)).toBe("2026-10-05 20:30");
    expect(formatSerial(parsed("2026/10/5 12:00 AM") as number)).toBe("2026-10-05 00:00");
    expect(formatSerial(parsed("2026/10/5 12:00 PM") as number)).toBe("2026-10-05 12:00");
    expect(serialToDateTime(parsed("2026-10-05T08:30:15.250") as number)).toEqual({
      ok: true,
      value: dt(2026, 10, 5, 8, 30, 15, 250),
    });
  });
  it.each([
    ["2026-10-05", 46300],
    ["2026/10/5", 46300],
    ["2026年10月5日", 46300],
    ["2026.10.05", 46300],
    ["20261005", 46300],
    ["46300.5", 46300.5],
    [46300.5, 46300.5],
    [0, 0],
  ])("%p → %p", (v, s) => expect(parsed(v)).toBe(s));
  it("blank → null", () => {
    expect(parsed(null)).toBeNull();
    expect(parsed("  ")).toBeNull();
    expect(parsed(undefined)).toBeNull();
  });
  it.each([
    ["2026-02-30", "value"],
    ["2026-13-01", "value"],
    ["2026-10-05 24:00", "value"],
    ["2026-10-05 23:60", "value"],
    ["1899-12-31", "value"],
    ["2026/10/5 13:00 PM", "num"],
    ["2026-10-05T08:30:00Z", "value"],
    ["2026-10-05T08:30:00+08:00", "value"],
    ["next Monday", "value"],
    ["10/5/2026", "value"],
    ["2026-10-05 8", "value"],
    ["2026-10-05 上午", "value"],
    ["", null],
    [true, "value"],
    [-1, "num"],
    [NaN, "num"],
    [2958466, "num"],
    [{}, "value"],
  ])("%p → problem %p", (v, kind) => {
    const r = parseDateTime(v);
    if (kind === null) expect(r).toEqual({ ok: true, value: null });
    else expect(r.ok ? "ok" : r.problem.kind).toBe(kind);
  });
  it("names impossible dates and time zones", () => {
    const r = parseDateTime("2026-02-30");
    expectProblem(r);
    expect(r.problem.message.en).toContain("February 2026 has 28 days");
    const z = parseDateTime("2026-10-05T08:30Z");
    expectProblem(z);
    expect(z.problem.message.en).toContain("time zone");
  });
});
