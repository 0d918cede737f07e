/**
 * A seeded month of calls and letters for demos, the pane's example and tests: the same seed
 * gives the same log everywhere. Some are answered in writing and archived, some by phone, some
 * not yet answered; chassis-engine faults come with a written answer on time, late, or none.
 */
import { draw, sampleNames } from "../../sample/random";
import { dateTimeToSerial } from "../../dates/serial";
import type { FaultCategory } from "../../sla/category";
import type { CallChannel, CallEntry } from "./callLog";

const CALLERS = ["宇通客运公司", "市公交二公司", "长运集团", "旅游客运站", "校车服务中心", "城际快线公司"];
const SUMMARIES: Readonly<Record<FaultCategory, readonly string[]>> = {
  body: ["前风挡玻璃开裂", "乘客门关闭不严", "行李舱锁损坏", "空调出风口异响"],
  chassisEngine: ["发动机水温偏高", "变速箱换挡困难", "制动跑偏", "底盘异响", "发动机无法启动"],
  other: ["咨询保养周期", "索要三包凭证", "投诉服务人员迟到", "询问配件价格"],
};

/** `count` calls of month `year`-`month`, in random order (the log sorts them), from `seed`. */
export function sampleCalls(seed: number, count: number, year: number, month: number): CallEntry[] {
  const d = draw(seed);
  const people = sampleNames(d, 4);
  const start = dateTimeToSerial({ year, month, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 });
  if (!start.ok) throw new Error(`invalid sample month ${year}-${month}`);
  const calls: CallEntry[] = [];
  for (let i = 0; i < count; i++) {
    // Whole minutes, as a clerk writes them.
    const at = start.value + Math.floor(d.rnd() * 27 * 24 * 60) / (24 * 60);
    const category = d.pick<FaultCategory>(["body", "chassisEngine", "chassisEngine", "other"]);
    const channel = d.pick<CallChannel>(["phone", "phone", "phone", "letter", "fax", "email"]);
    const answered = d.chance(0.85);
    const written = category === "chassisEngine" ? d.chance(0.8) : d.chance(0.3);
    const hours = category === "chassisEngine" ? d.pick([2, 4, 6, 10, 11, 15, 30]) : d.pick([1, 3, 8, 24, 48]);
    const answeredAt = answered ? at + (hours * 60 + Math.floor(d.rnd() * 50)) / (24 * 60) : null;
    const archived = answered && d.chance(0.85);
    calls.push({
      at,
      channel,
      caller: d.pick(CALLERS),
      contact: `${d.pick(["王", "刘", "陈", "赵"])}师傅 13${String(100000000 + Math.floor(d.rnd() * 899999999))}`,
      orderId: d.chance(0.8) ? `WO${year}${String(month).padStart(2, "0")}${String(i + 1).padStart(3, "0")}` : null,
      vehicle: `ZK6${d.pick(["122", "107", "118", "125"])}H`,
      category,
      summary: d.pick(SUMMARIES[category]),
      takenBy: d.pick(people),
      answer: answered ? d.pick(["已派服务人员到现场", "已告知处理办法", "已联系配套厂家", "已安排进站维修"]) : null,
      answeredBy: answered ? (written ? "written" : "phone") : null,
      answeredAt,
      archive: archived ? `${year}年${written ? "复函" : "复电"}卷 第${1 + Math.floor(d.rnd() * 4)}册` : null,
    });
  }
  return calls;
}
