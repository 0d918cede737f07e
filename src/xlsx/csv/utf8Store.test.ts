import { detectCsvEncoding } from "./encoding";
import { storeOfBytes, storeOfText } from "./utf8Store";
import { readCsv } from "../readCsv";
import { TableReadError } from "./tableReadError";

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const decode = (b: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(b);

describe("the UTF-8 store of a CSV", () => {
  it("is the file's own bytes (no copy) for exact UTF-8 whose records end alike", () => {
    for (const csv of ['\ufeff工单号,备注\r\nWO-1,"a\nb"\r\n', "工单号,备注\nWO-1,x\n", "one record"]) {
      const file = utf8(csv);
      const store = storeOfBytes(file, detectCsvEncoding(file));
      expect(store.bytes.buffer === file.buffer).toBe(true);
      expect(decode(store.bytes)).toBe(csv.replace(/^\ufeff/, ""));
    }
    expect(storeOfBytes(utf8("a\r\nb"), detectCsvEncoding(utf8("a\r\nb"))).newline).toBe("\r\n");
  });

  it("normalises a mix of record endings to LF, leaving quoted line breaks as written", () => {
    const store = storeOfText('a,b\r\n1,"x\r\ny"\n2,z\r3,"\r"\r\n');
    expect(store.newline).toBe("\n");
    expect(decode(store.bytes)).toBe('a,b\n1,"x\r\ny"\n2,z\n3,"\r"\n');
  });

  it("re-encodes other encodings, and a BOM file's undecodable bytes as U+FFFD", () => {
    const gbk = new Uint8Array([0xb9, 0xa4, 0xb5, 0xa5, 0xba, 0xc5, 0x2c, 0x31]); // 工单号,1
    const fromGbk = storeOfBytes(gbk, detectCsvEncoding(gbk));
    expect(fromGbk.bytes.buffer === gbk.buffer).toBe(false);
    expect(decode(fromGbk.bytes)).toBe("工单号,1");
    const damaged = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x2c, 0x62]);
    expect(detectCsvEncoding(damaged)).toEqual({ encoding: "utf-8", start: 3, exact: false });
    expect([...readCsv(damaged).range.values]).toEqual([["a\ufffd", "b"]]);
  });

  it("refuses a file holding NUL as binary", () => {
    for (const file of [utf8("工单号,备注\nWO-1,a\u0000b\n"), new Uint8Array([0xff, 0xfe, 0x61, 0, 0, 0, 0x62, 0])]) {
      expect(() => readCsv(file)).toThrow(TableReadError);
      expect(() => readCsv(file)).toThrow(/binary/);
    }
  });
});
