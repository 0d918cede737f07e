import { blankOrder, type WorkOrder } from "../../workorders";
import { drawReturnVisits } from "./sampling";

const OCT = { year: 2026, month: 10 };
/** 2026-10-05 (a serial inside October) and 2026-11-03. */
const IN_OCT = 46300;
const IN_NOV = 46329;

function order(id: string | null, technician: string | null, completed: boolean, reportedAt = IN_OCT): WorkOrder {
  const o = blankOrder(2, id, reportedAt);
  o.technician = technician;
  o.completedAt = completed ? reportedAt + 1.5 : null;
  return o;
}

function orders(): WorkOrder[] {
  const out: WorkOrder[] = [];
  for (let i = 0; i < 20; i++) out.push(order(`WO-${String(i).padStart(3, "0")}`, "张三", true));
  for (let i = 20; i < 26; i++) out.push(order(`WO-${String(i).padStart(3, "0")}`, "李四", true));
  out.push(order("0012", "王五", true));
  out.push(order("WO-900", null, true));
  out.push(order("WO-901", "张三", false)); // still open
  out.push(order("WO-902", "张三", true, IN_NOV)); // another month
  out.push(order(null, "张三", true)); // no number
  return out;
}

const ids = (os: readonly WorkOrder[]) => os.map((o) => o.orderId);

test("only the month's completed orders with a number; every technician gets at least one visit", () => {
  const r = drawReturnVisits(orders(), { month: OCT, seed: 7, size: { share: 0.3 } });
  if (!r.ok) throw new Error(r.problem.message.en);
  const s = r.value;
  expect(s.withoutId).toBe(1);
  expect(s.strata.map((x) => [x.technician, x.completed, x.sampled])).toEqual([
    [null, 1, 1],
    ["张三", 20, 6],
    ["李四", 6, 2],
    ["王五", 1, 1],
  ]);
  expect(s.picked).toHaveLength(10);
  expect(ids(s.picked)).not.toContain("WO-901");
  expect(ids(s.picked)).not.toContain("WO-902");
  expect(ids(s.picked)).toContain("0012");
});

test("same seed, same sample, whatever the row order; another seed, another sample", () => {
  const a = drawReturnVisits(orders(), { month: OCT, seed: 20261, size: { share: 0.3 } });
  const b = drawReturnVisits(orders().reverse(), { month: OCT, seed: 20261, size: { share: 0.3 } });
  const c = drawReturnVisits(orders(), { month: OCT, seed: 20262, size: { share: 0.3 } });
  if (!a.ok || !b.ok || !c.ok) throw new Error("refused");
  expect(ids(b.value.picked)).toEqual(ids(a.value.picked));
  expect(ids(c.value.picked)).not.toEqual(ids(a.value.picked));
});

test("a count is spread one per technician first, then in proportion; above the total visits all", () => {
  const r = drawReturnVisits(orders(), { month: OCT, seed: 1, size: { count: 8 } });
  if (!r.ok) throw new Error("refused");
  expect(r.value.strata.map((x) => x.sampled)).toEqual([1, 4, 2, 1]);
  const all = drawReturnVisits(orders(), { month: OCT, seed: 1, size: { count: 500 } });
  if (!all.ok) throw new Error("refused");
  expect(all.value.picked).toHaveLength(28);
  const two = drawReturnVisits(orders(), { month: OCT, seed: 1, size: { count: 2 } });
  if (!two.ok) throw new Error("refused");
  expect(two.value.strata.map((x) => x.sampled)).toEqual([1, 1, 0, 0]);
});

test("every pick is uniform: over many seeds each of 张三's orders is drawn about equally often", () => {
  const seen = new Map<string, number>();
  for (let seed = 0; seed < 2000; seed++) {
    const r = drawReturnVisits(orders(), { month: OCT, seed, size: { share: 0.3 } });
    if (!r.ok) throw new Error("refused");
    for (const o of r.value.picked) if (o.technician === "张三") seen.set(o.orderId!, (seen.get(o.orderId!) ?? 0) + 1);
  }
  // 6 of 20 per draw: 600 expected per order over 2,000 draws.
  expect(seen.size).toBe(20);
  for (const n of seen.values()) expect(Math.abs(n - 600)).toBeLessThan(120);
});

test("bad seeds and sizes are refused with a message in both languages", () => {
  for (const [seed, size] of [
    [-1, { share: 0.3 }],
    [1.5, { share: 0.3 }],
    [1, { share: 0 }],
    [1, { share: 1.2 }],
    [1, { count: 0 }],
    [1, { count: 2.5 }],
  ] as const) {
    const r = drawReturnVisits(orders(), { month: OCT, seed, size });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message.zh).toMatch(/种子|比例|数量/);
  }
});
