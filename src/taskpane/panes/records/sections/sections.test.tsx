import { recordingHost, renderInPane } from "../../../../../test/support/sectionHost";
import { generateSheets } from "../../generateSheets";
import { PartsLedgerSection } from "./PartsLedgerSection";
import { PARTS_LEDGER_SECTION } from "./partsLedgerSection";
import { validateRecordForm } from "./recordForm";
import { SecondaryClaimsSection } from "./SecondaryClaimsSection";
import { WarrantyPartsSection } from "./WarrantyPartsSection";
import { WARRANTY_PARTS_SECTION } from "./warrantyPartsSection";
import { SECONDARY_CLAIMS_SECTION } from "./secondaryClaimsSection";
import { RECORD_SECTIONS } from "../sections";

const TODAY = 46357; // 2026-12-01

describe("record sections", () => {
  test.each([
    ["zh-CN", ["备用件台账", "服务站", "流水空白行", "填入示例数据", "生成备用件台账"]],
    ["en-US", ["Service station", "Blank movement rows", "Fill in sample records", "Generate parts ledger"]],
  ] as const)("the parts-ledger section renders in %s", (locale, words) => {
    const html = renderInPane(<PartsLedgerSection />, locale);
    for (const w of words) expect(html).toContain(w);
    expect(html).toContain('data-section="records-parts-ledger"');
    expect(html).toContain('data-testid="records-parts-ledger-generate"');
  });

  test("the form refuses a long station name and a bad row count, naming both", () => {
    const r = validateRecordForm(
      { station: "很长的服务站名称".repeat(4), blankRows: "-1", sample: false },
      "zh-CN",
      TODAY,
    );
    expect(r.options).toBeNull();
    expect(r.errors.station?.zh).toContain("最多 20 个字");
    expect(r.errors.blankRows?.en).toContain("whole number");
  });

  test("generating writes the station's three sheets, no settings sheet, and says which", async () => {
    const h = recordingHost();
    const { options } = validateRecordForm({ station: " 北京站 ", blankRows: "50", sample: true }, "zh-CN", TODAY);
    const messages = await generateSheets(h, "zh-CN", PARTS_LEDGER_SECTION.generation(options!, h));
    expect(h.written).toHaveLength(1);
    expect(h.written[0]!.sheets.map((s) => s.marker.kind)).toEqual(["partsLedger", "partsMoves", "stockTake"]);
    expect(messages).toEqual([
      {
        intent: "success",
        body: { zh: "已生成：备用件台账-北京站、出入库流水-北京站、盘点表-北京站", en: expect.any(String) },
      },
    ]);
  });

  test.each([
    ["zh-CN", ["三包件", "空白行", "生成三包件登记表"]],
    ["en-US", ["Blank rows", "Generate warranty-parts register"]],
  ] as const)("the warranty-parts section renders in %s", (locale, words) => {
    const html = renderInPane(<WarrantyPartsSection />, locale);
    for (const w of words) expect(html).toContain(w);
    expect(html).toContain('data-testid="records-warranty-parts-generate"');
  });

  test.each([
    ["zh-CN", ["二次索赔", "空白行", "生成二次索赔登记表"]],
    ["en-US", ["Blank rows", "Generate secondary-claims register"]],
  ] as const)("the secondary-claims section renders in %s", (locale, words) => {
    const html = renderInPane(<SecondaryClaimsSection />, locale);
    for (const w of words) expect(html).toContain(w);
    expect(html).toContain('data-testid="records-secondary-claims-generate"');
  });

  test("the warranty and claims sections write their sheets; the claims count ages to today", async () => {
    const h = recordingHost();
    const { options } = validateRecordForm({ station: "", blankRows: "0", sample: true }, "en-US", TODAY);
    await generateSheets(h, "en-US", WARRANTY_PARTS_SECTION.generation(options!, h));
    await generateSheets(h, "en-US", SECONDARY_CLAIMS_SECTION.generation(options!, h));
    // The warranty terms are 考核参数's names: the sheet comes first when the workbook has none.
    expect(h.written.map((p) => p.sheets.map((s) => s.name))).toEqual([
      ["Settings", "Warranty parts"],
      ["Secondary claims", "Claims by supplier"],
    ]);
    const claims = h.written[1]!.sheets[0]!;
    expect(claims.cells.flatMap((b) => b.rows.flat())).toContain(TODAY);
  });

  test("a blank book with no blank rows is refused with a message, nothing written", async () => {
    const h = recordingHost();
    const { options } = validateRecordForm({ station: "", blankRows: "0", sample: false }, "zh-CN", TODAY);
    const messages = await generateSheets(h, "zh-CN", WARRANTY_PARTS_SECTION.generation(options!, h));
    expect(h.written).toEqual([]);
    expect(messages[0]).toMatchObject({ intent: "error" });
  });
});

describe("RECORD_SECTIONS", () => {
  test("the Records pane lists the six record books, each id once", () => {
    const ids = RECORD_SECTIONS.map((s) => s.id);
    expect(ids).toEqual([
      "parts-ledger",
      "warranty-parts",
      "secondary-claims",
      "call-log",
      "conduct-log",
      "return-visits",
    ]);
    expect(RECORD_SECTIONS.map((s) => s.title.zh)).toEqual([
      "备用件台账",
      "三包件",
      "二次索赔",
      "来电来函处理记录",
      "违规与黄红牌记录",
      "回访与满意度调查",
    ]);
  });
});
