/** A seeded year of cards for demos, the pane's example and tests. */
import { draw } from "../../sample/random";
import { dateTimeToSerial } from "../../dates/serial";
import type { CardEntry } from "./conductLog";

const RULES = [
  "3.3.2 服务前要求用户签字",
  "3.3.4 向用户收取费用",
  "3.3.5 服务用语不文明",
  "3.4.2 旧件未带回",
  "3.4.3 服务报告未按时交审",
];

/** `count` cards of `year` for `people`, from `seed`: most approved, a few awaiting approval or revoked. */
export function sampleCards(seed: number, count: number, year: number, people: readonly string[]): CardEntry[] {
  const d = draw(seed);
  const jan1 = dateTimeToSerial({ year, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 });
  if (!jan1.ok) throw new Error(`invalid sample year ${year}`);
  return Array.from({ length: count }, (_, i): CardEntry => {
    const date = jan1.value + Math.floor(d.rnd() * 360);
    const approved = d.chance(0.85);
    return {
      date,
      person: d.pick(people),
      id: null,
      department: d.pick(["服务一部", "服务二部"]),
      card: d.chance(0.8) ? "yellow" : "red",
      rule: d.pick(RULES),
      facts: `第 ${i + 1} 起`,
      issuedBy: "刘主管",
      approvedBy: approved ? "陈经理" : null,
      approvedOn: approved ? date + 1 + Math.floor(d.rnd() * 5) : null,
      status: approved && d.chance(0.1) ? "revoked" : approved ? "valid" : null,
    };
  });
}
