import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Locale } from "../../../../core/i18n/text";
import type { FoundPlan, WorkbookPlan, WriteReport } from "../../../../sheets/plan";
import { EMPTY_WORKBOOK } from "../../../../sheets/reader";
import { HostProvider } from "../../../host";
import type { WorkbookHost } from "../../../host/types";
import { LocaleProvider } from "../../../i18n/useT";
import { generateSheets } from "../../generateSheets";
import { PartsLedgerSection } from "./PartsLedgerSection";
import { PARTS_LEDGER_SECTION } from "./partsLedgerSection";
import { validateRecordForm } from "./recordForm";

/** A host over nothing: records what it is asked to write. */
function host(plans: FoundPlan[] = []): WorkbookHost & { written: WorkbookPlan[] } {
  const written: WorkbookPlan[] = [];
  return {
    ...EMPTY_WORKBOOK,
    kind: "browser",
    findPlans: async () => plans,
    readPlansAndNames: async (names) => ({ plans, names: await EMPTY_WORKBOOK.readNames(names) }),
    written,
    write: async (plan): Promise<WriteReport> => {
      written.push(plan);
      return {
        sheets: plan.sheets.map((s) => ({ planned: s.name, actual: s.name, kind: s.marker.kind })),
        syncs: 0,
        largestRequestBytes: 0,
      };
    },
    readSelection: () => Promise.reject(new Error("no selection")),
    subscribe: () => () => undefined,
  };
}

function render(element: JSX.Element, locale: Locale): string {
  return renderToString(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale={locale} onLocaleChange={() => undefined}>
        <HostProvider host={host()}>{element}</HostProvider>
      </LocaleProvider>
    </FluentProvider>,
  );
}

describe("record sections", () => {
  test.each([
    ["zh-CN", ["备用件台账", "服务站", "流水空白行", "填入示例数据", "生成备用件台账"]],
    [
      "en-US",
      [
        "Spare-parts ledger",
        "Service station",
        "Blank movement rows",
        "Fill in sample records",
        "Generate parts ledger",
      ],
    ],
  ] as const)("the parts-ledger section renders in %s", (locale, words) => {
    const html = render(<PartsLedgerSection />, locale);
    for (const w of words) expect(html).toContain(w);
    expect(html).toContain('data-section="records-parts-ledger"');
    expect(html).toContain('data-testid="records-parts-ledger-generate"');
  });

  test("the form refuses a long station name and a bad row count, naming both", () => {
    const r = validateRecordForm({ station: "很长的服务站名称".repeat(4), blankRows: "-1", sample: false }, "zh-CN");
    expect(r.options).toBeNull();
    expect(r.errors.station?.zh).toContain("最多 20 个字");
    expect(r.errors.blankRows?.en).toContain("whole number");
  });

  test("generating writes the station's three sheets, no settings sheet, and says which", async () => {
    const h = host();
    const { options } = validateRecordForm({ station: " 北京站 ", blankRows: "50", sample: true }, "zh-CN");
    const messages = await generateSheets(h, "zh-CN", PARTS_LEDGER_SECTION.generation(options!));
    expect(h.written).toHaveLength(1);
    expect(h.written[0]!.sheets.map((s) => s.marker.kind)).toEqual(["partsLedger", "partsMoves", "stockTake"]);
    expect(messages).toEqual([
      {
        intent: "success",
        body: { zh: "已生成：备用件台账-北京站、出入库流水-北京站、盘点表-北京站", en: expect.any(String) },
      },
    ]);
  });
});
