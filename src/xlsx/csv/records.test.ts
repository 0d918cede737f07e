/**
 * The CSV reader decodes and parses a file a piece at a time (./records.ts, ./utf8Store.ts):
 * whatever the pieces, the table must be the one papaparse reads from the whole text at once.
 * Pieces of 1–40 bytes put a boundary inside every kind of place: a quoted cell, a CRLF, a
 * three-byte character, a surrogate pair, a doubled quote.
 */
import fc from "fast-check";
import Papa from "papaparse";
import { csvToRangeData, readCsv } from "../readCsv";
import type { RangeData } from "../../sheets/plan";

const WHOLE = 1 << 30; // one piece: the file parsed at once

/** What a reader gives: the table, or the message it refused the file with. */
function outcome(read: () => RangeData): { address: string; values: unknown[][] } | { refused: string } {
  try {
    const range = read();
    return { address: range.address, values: range.values.map((row) => [...row]) };
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

/** Text made of what CSV structure is made of, and characters of 1–4 UTF-8 bytes. */
const csvText = fc
  .array(fc.constantFrom(",", '"', '""', "\r", "\n", "\r\n", ";", "\t", " ", "a", "007", "é", "张三", "😀", "\ufeff"), {
    maxLength: 60,
  })
  .map((parts) => parts.join(""));

describe("CSV read a piece at a time", () => {
  it("reads every text as papaparse reads the whole text, wherever the pieces end", () => {
    fc.assert(
      fc.property(csvText, fc.integer({ min: 1, max: 40 }), (csv, piece) => {
        expect(outcome(() => csvToRangeData(csv, "CSV", piece))).toEqual(
          outcome(() => csvToRangeData(csv, "CSV", WHOLE)),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("reads UTF-8 and UTF-16 bytes the same in pieces as whole", () => {
    fc.assert(
      fc.property(csvText, fc.integer({ min: 1, max: 40 }), fc.boolean(), (csv, piece, wide) => {
        const bytes = wide
          ? new Uint8Array([0xff, 0xfe, ...Buffer.from(csv, "utf16le")])
          : new Uint8Array(Buffer.from(csv, "utf8"));
        const read = (size: number) => () => readCsv(bytes, "CSV", size).range;
        expect(outcome(read(piece))).toEqual(outcome(read(WHOLE)));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps a quoted cell's own line breaks and characters across piece boundaries", () => {
    const csv = '工单号,备注\r\nWO-1,"第一行\r\n第二行 😀, ""引号"""\r\nWO-2,x\r\n';
    for (let piece = 1; piece <= 12; piece++) {
      const values = [...csvToRangeData(csv, "CSV", piece).values];
      expect(values).toEqual([
        ["工单号", "备注"],
        ["WO-1", '第一行\r\n第二行 😀, "引号"'],
        ["WO-2", "x"],
      ]);
    }
  });

  it("names the record a never-closed quote opens on, and parses a long carried record in linear work", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `WO-${i},备注 ${i}`);
    const csv = `工单号,备注\n${rows.slice(0, 10).join("\n")}\nWO-x,"never closed\n${rows.join("\n")}\n`;
    // Count the characters papaparse's parser is given.
    const Parser = Papa.Parser;
    let parsed = 0;
    const spy = jest.spyOn(Papa, "Parser").mockImplementation(function (config: Papa.ParseConfig) {
      const parser = new Parser(config);
      const parse = parser.parse.bind(parser);
      parser.parse = (input: string, base: number, ignoreLastRow: boolean): unknown => {
        parsed += input.length;
        return parse(input, base, ignoreLastRow);
      };
      return parser;
    } as unknown as () => Papa.Parser);
    try {
      expect(() => csvToRangeData(csv, "CSV", 1024)).toThrow(/CSV row 12: a quote/);
      expect(parsed).toBeGreaterThanOrEqual(csv.length);
      // Without the carried record's growth this is ~200× the text (every piece parses it again).
      expect(parsed).toBeLessThan(4 * csv.length);
    } finally {
      spy.mockRestore();
    }
  });
});
