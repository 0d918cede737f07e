import { recordingHost, renderInPane } from "../../../../../test/support/sectionHost";
import { generateSheets } from "../../generateSheets";
import { validateRecordForm } from "./recordForm";
import { ReturnVisitsSection } from "./ReturnVisitsSection";
import { RETURN_VISITS_SECTION } from "./returnVisitsSection";

const TODAY = 46357; // 2026-12-01

test.each([
  ["zh-CN", ["回访空白行", "用示例工单抽样并填入示例回访", "生成回访记录"]],
  ["en-US", ["Blank survey rows", "Draw from sample orders with sample answers", "Generate return visits"]],
] as const)("the return-visits section renders in %s", (locale, words) => {
  const html = renderInPane(<ReturnVisitsSection />, locale);
  for (const w of words) expect(html).toContain(w);
  expect(html).toContain('data-testid="records-return-visits-generate"');
});

test("with the sample: the three sheets of the drawn October survey, threshold from the settings", async () => {
  const h = recordingHost();
  const { options } = validateRecordForm({ station: "北京站", blankRows: "5", sample: true }, "zh-CN", TODAY);
  const messages = await generateSheets(h, "zh-CN", RETURN_VISITS_SECTION.generation(options!, h));
  expect(h.written).toHaveLength(1);
  const [survey, summary, followUps] = h.written[0]!.sheets;
  expect([survey!.name, summary!.name, followUps!.name]).toEqual([
    "回访记录-北京站",
    "回访汇总-北京站",
    "跟进清单-北京站",
  ]);
  expect(survey!.marker).toMatchObject({ kind: "returnVisits", meta: { station: "北京站", firstRow: 5, lastRow: 97 } });
  const row3 = survey!.cells.flatMap((b) => (b.at.endsWith("3") ? b.rows.flat() : []));
  expect(row3).toEqual(expect.arrayContaining(["2026-10", 20261, 8]));
  expect(messages[0]).toMatchObject({ intent: "success" });
});

test("without the sample: a survey typed by hand for this month, blank rows to type technicians into", async () => {
  const h = recordingHost();
  const { options } = validateRecordForm({ station: "", blankRows: "30", sample: false }, "en-US", TODAY);
  await generateSheets(h, "en-US", RETURN_VISITS_SECTION.generation(options!, h));
  const [survey, summary] = h.written[0]!.sheets;
  expect(survey!.marker).toMatchObject({ meta: { firstRow: 5, lastRow: 34 } });
  expect(summary!.marker).toMatchObject({ meta: { firstRow: 5, lastRow: 19 } });
  const row3 = survey!.cells.flatMap((b) => (b.at.endsWith("3") ? b.rows.flat() : []));
  expect(row3).toEqual(expect.arrayContaining(["2026-12", "—", "not drawn (entered by hand)"]));
});
