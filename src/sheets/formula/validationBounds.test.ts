import { clampDateSerial, excelDateIso } from "./validationBounds";

describe("excelDateIso", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [60, "1900-03-01"],
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [46300, "2026-10-05"],
    [46300.5, "2026-10-05T12:00:00"],
    [2958465, "9999-12-31"],
    [0, "1900-01-01"],
    [-5, "1900-01-01"],
    [3_000_000, "9999-12-31"],
  ])("serial %d is %s", (serial, iso) => expect(excelDateIso(serial)).toBe(iso));
  it("clamps", () => expect([clampDateSerial(0), clampDateSerial(9e9)]).toEqual([1, 2958465]));
});
