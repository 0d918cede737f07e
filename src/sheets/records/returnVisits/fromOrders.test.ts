import { drawReturnVisits, surveyLines } from "../../../core/records/returnVisits";
import { parseOrders, proposeMapping, sampleWorkOrders } from "../../../core/workorders";
import { drawFromOrders, drawnReturnVisitsOptions, seedFromClock } from "./fromOrders";

const OCT = { year: 2026, month: 10 };
const s = sampleWorkOrders({ seed: 3, count: 80, month: OCT });
const orders = parseOrders(s.rows, proposeMapping(s.headers).mapping, { firstRow: 2, headers: s.headers }).orders;

test("draws as drawReturnVisits with the default 30% share, and gives the survey lines", () => {
  const drawn = drawFromOrders(orders, { month: OCT, seed: 11 });
  const direct = drawReturnVisits(orders, { month: OCT, seed: 11, size: { share: 0.3 } });
  if (!drawn.ok || !direct.ok) throw new Error("draw failed");
  expect(drawn.value.sample).toEqual(direct.value);
  expect(drawn.value.lines).toEqual(surveyLines(direct.value));
  const options = drawnReturnVisitsOptions(drawn.value, {
    month: "2026-10",
    station: "",
    threshold: 8,
    locale: "zh-CN",
    blankRows: 3,
  });
  expect(options).toMatchObject({ seed: 11, size: { share: 0.3 }, month: "2026-10", threshold: 8, blankRows: 3 });
  expect(options.completed.reduce((n, c) => n + c.completed, 0)).toBe(
    direct.value.strata.reduce((n, c) => n + c.completed, 0),
  );
});

test("a month without completed orders is 'na' with the month named; a bad seed is 'value'", () => {
  const none = drawFromOrders(orders, { month: { year: 2025, month: 1 }, seed: 1 });
  expect(!none.ok && none.problem).toMatchObject({ kind: "na", message: { en: expect.stringContaining("2025-01") } });
  const bad = drawFromOrders(orders, { month: OCT, seed: -1 });
  expect(!bad.ok && bad.problem.kind).toBe("value");
});

test("a fresh seed is the clock's seconds modulo a million", () => {
  expect(seedFromClock(new Date(1_764_000_123_456))).toBe(123);
});
