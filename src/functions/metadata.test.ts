/**
 * The generated functions.json (from functions.ts, by the same custom-functions-metadata the
 * webpack plugin uses) is valid for Excel, keeps the finance contract, is described in
 * English, and localizes completely into zh-CN.
 */
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { localizeMetadata, type MetadataTranslations } from "./localizeMetadata";
import { ZH_CN_METADATA } from "./metadata.zh-CN";

interface Param {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

let json = "";
let functions: Fn[] = [];
let errors: string[] = [];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([path.join(__dirname, "functions.ts")], false);
  json = result.metadataJson;
  errors = result.errors;
  functions = errors.length === 0 ? (JSON.parse(json) as { functions: Fn[] }).functions : [];
}, 60_000);

/** The contract finance's workbooks depend on: names and argument order (optional ones may only be added at the end). */
const CONTRACT: Record<string, string[]> = {
  WEIGHTED: ["scores", "weights", "scaleMax?"],
  GRADE: ["score", "bands?"],
  GRADELABEL: ["score", "language?"],
  KPISCORE: ["actual", "target", "comparison?", "fullScore?"],
  SLAHOURS: ["category", "distanceKm", "supplierNeeded"],
  SLADEADLINE: ["reportedAt", "category", "distanceKm", "supplierNeeded"],
  SLAMET: ["reportedAt", "category", "distanceKm", "supplierNeeded", "repliedAt", "arrivedAt", "asOf?", "replyMethod?"],
  QUARTERBONUS: ["annualBonus", "grade", "coefficients?", "rate?"],
  YEARENDBONUS: ["annualBonus", "failedQuarters", "yellowCards", "redCards", "rate?"],
  AUDITSCORE: ["scores", "maxScore"],
};

const VALID = /^[A-Za-z][A-Za-z0-9._]*$/;
/** Looks like a cell reference (A1, ABC1, XFD1048576) or R1C1 — Excel would not register it. */
const CELL_LIKE = /^(?:[A-Za-z]{1,3}[0-9]+|R[0-9]*C[0-9]*)$/i;

describe("generated metadata", () => {
  it("generates without errors", () => expect(errors).toEqual([]));
  it("keeps the contract: names and argument orders", () => {
    const actual = Object.fromEntries(
      functions.map((f) => [f.name, f.parameters.map((p) => p.name + (p.optional ? "?" : ""))]),
    );
    expect(actual).toEqual(CONTRACT);
  });
  it("ids and names are valid: letters, digits, _ and .; 3+ characters; not like a cell reference; unique", () => {
    for (const f of functions) {
      for (const s of [f.id, f.name]) {
        expect(s).toMatch(VALID);
        expect(s.length).toBeGreaterThanOrEqual(3);
        expect(s.length).toBeLessThanOrEqual(128);
        expect(CELL_LIKE.test(s)).toBe(false);
      }
      expect(f.id).toBe(f.name);
    }
    expect(new Set(functions.map((f) => f.id)).size).toBe(functions.length);
    // the checks themselves can fail
    expect(CELL_LIKE.test("ABC1")).toBe(true);
    expect(CELL_LIKE.test("R1C1")).toBe(true);
    expect(VALID.test("1AB")).toBe(false);
  });
  it("every parameter is a matrix; every result is a typed matrix (not any)", () => {
    for (const f of functions) {
      for (const p of f.parameters) expect(p.dimensionality).toBe("matrix");
      expect(f.result?.dimensionality).toBe("matrix");
      expect(["number", "string", "boolean"]).toContain(f.result?.type);
    }
  });
  it("every function and parameter has an English description of at most 255 characters", () => {
    for (const f of functions) {
      expect(f.description?.trim().length ?? 0).toBeGreaterThan(10);
      expect(f.description!.length).toBeLessThanOrEqual(255);
      for (const p of f.parameters) {
        expect(p.description?.trim().length ?? 0).toBeGreaterThan(3);
        expect(p.description!.length).toBeLessThanOrEqual(255);
      }
    }
  });
  it("SLAMET is volatile (asOf defaults to now); the others are not", () => {
    for (const f of functions) expect(Boolean(f.options?.volatile)).toBe(f.id === "SLAMET");
  });
});

describe("zh-CN metadata", () => {
  it("translates every function and parameter, keeping ids, names and types", () => {
    const zh = JSON.parse(localizeMetadata(json, ZH_CN_METADATA)) as { functions: Fn[] };
    expect(zh.functions.map((f) => [f.id, f.name])).toEqual(functions.map((f) => [f.id, f.name]));
    zh.functions.forEach((f, i) => {
      expect(f.description).toBe(ZH_CN_METADATA[f.id].description);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      expect(f.description!.length).toBeLessThanOrEqual(255);
      expect(f.result).toEqual(functions[i].result);
      f.parameters.forEach((p, j) => {
        expect(p.name).toBe(functions[i].parameters[j].name);
        expect(p.type).toBe(functions[i].parameters[j].type);
        expect(p.description).toMatch(/[\u4e00-\u9fff]/);
        expect(p.description!.length).toBeLessThanOrEqual(255);
      });
    });
  });
  it("fails the build, listing every gap, when a translation is missing or stale", () => {
    const { WEIGHTED: _w, ...noWeighted } = ZH_CN_METADATA;
    expect(() => localizeMetadata(json, noWeighted)).toThrow("function WEIGHTED has no translation");
    const missingParam: MetadataTranslations = {
      ...ZH_CN_METADATA,
      GRADE: { description: "等级", parameters: { score: "分数" } },
    };
    expect(() => localizeMetadata(json, missingParam)).toThrow('function GRADE: parameter "bands" has no translation');
    const stale: MetadataTranslations = {
      ...ZH_CN_METADATA,
      OLDNAME: { description: "旧", parameters: {} },
      GRADE: { ...ZH_CN_METADATA.GRADE, parameters: { ...ZH_CN_METADATA.GRADE.parameters, scoreOld: "x" } },
    };
    expect(() => localizeMetadata(json, stale)).toThrow("translated function OLDNAME does not exist");
    expect(() => localizeMetadata(json, stale)).toThrow(
      'function GRADE: translated parameter "scoreOld" does not exist',
    );
    const empty: MetadataTranslations = { ...ZH_CN_METADATA, GRADE: { ...ZH_CN_METADATA.GRADE, description: " " } };
    expect(() => localizeMetadata(json, empty)).toThrow("the description translation is empty");
    expect(() => localizeMetadata("{", ZH_CN_METADATA)).toThrow("not valid JSON");
    expect(() => localizeMetadata("{}", ZH_CN_METADATA)).toThrow("no `functions` array");
  });
});
