import { STRINGS, type StringKey } from "./strings";
import { interpolate, placeholders, formatText } from "./format";
import { initialLocale, storeLocale, LOCALE_STORAGE_KEY, type KeyValueStore } from "./locale";
import { translate } from "./useT";

const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

/**
 * English strings that legitimately contain Chinese: the language switch names itself, the six
 * S carry their Chinese names (that is how the checklists are labelled on site).
 */
const EN_MAY_CONTAIN_CHINESE = new Set<StringKey>(["languageZh", "s1", "s2", "s3", "s4", "s5", "s6"]);
/** Chinese strings without Chinese characters: the switch's "English" names itself. */
const ZH_MAY_LACK_CHINESE = new Set<StringKey>(["languageEn"]);

const entries = Object.entries(STRINGS) as [StringKey, (typeof STRINGS)[StringKey]][];

describe("pane strings", () => {
  test("there are strings to check", () => {
    expect(entries.length).toBeGreaterThan(50);
  });

  test.each(entries)("%s exists in both languages", (_key, t) => {
    expect(typeof t.zh).toBe("string");
    expect(typeof t.en).toBe("string");
    expect(t.zh.trim()).not.toBe("");
    expect(t.en.trim()).not.toBe("");
  });

  test.each(entries)("%s: zh is Chinese and en is English", (key, t) => {
    if (!ZH_MAY_LACK_CHINESE.has(key)) expect(t.zh).toMatch(CJK);
    if (!EN_MAY_CONTAIN_CHINESE.has(key)) expect(t.en).not.toMatch(CJK);
  });

  test.each(entries)("%s uses the same placeholders in both languages", (_key, t) => {
    expect(placeholders(t.zh)).toEqual(placeholders(t.en));
  });
});

describe("interpolate", () => {
  test("fills named placeholders, repeated ones too", () => {
    expect(interpolate("{a} + {a} = {b}", { a: 1, b: "2" })).toBe("1 + 1 = 2");
  });
  test("leaves unknown placeholders visible instead of printing undefined", () => {
    expect(interpolate("共 {n} 行，{missing}", { n: 3 })).toBe("共 3 行，{missing}");
  });
  test("formatText fills both languages", () => {
    expect(formatText(STRINGS.progressCount, { done: 2, total: 5 })).toEqual({ zh: "已完成 2 / 5", en: "2 of 5 done" });
  });
  test("translate picks the language", () => {
    expect(translate("zh-CN", "settingsTab")).toBe("设置");
    expect(translate("en-US", "settingsTab")).toBe("Settings");
    expect(translate("en-US", { zh: "甲", en: "A {x}" }, { x: 1 })).toBe("A 1");
  });
});

describe("initial locale", () => {
  function memoryStore(initial?: string): KeyValueStore & { data: Map<string, string> } {
    const data = new Map<string, string>(initial ? [[LOCALE_STORAGE_KEY, initial]] : []);
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  }
  const throwing: KeyValueStore = {
    getItem: () => {
      throw new Error("SecurityError");
    },
    setItem: () => {
      throw new Error("QuotaExceededError");
    },
  };

  test("follows the host language when nothing is stored", () => {
    expect(initialLocale(memoryStore(), "zh-Hans-CN")).toBe("zh-CN");
    expect(initialLocale(memoryStore(), "zh-TW")).toBe("zh-CN");
    expect(initialLocale(memoryStore(), "en-GB")).toBe("en-US");
    expect(initialLocale(memoryStore(), "de-DE")).toBe("en-US");
    expect(initialLocale(null, null)).toBe("en-US");
  });
  test("a stored choice wins over the host language", () => {
    expect(initialLocale(memoryStore("en-US"), "zh-CN")).toBe("en-US");
    expect(initialLocale(memoryStore("zh-CN"), "en-US")).toBe("zh-CN");
  });
  test("an invalid stored value is ignored", () => {
    expect(initialLocale(memoryStore("fr-FR"), "zh-CN")).toBe("zh-CN");
  });
  test("storage that throws counts as no choice and never breaks the switch", () => {
    expect(initialLocale(throwing, "zh-CN")).toBe("zh-CN");
    expect(storeLocale(throwing, "en-US")).toBe(false);
  });
  test("storeLocale round-trips", () => {
    const store = memoryStore();
    expect(storeLocale(store, "zh-CN")).toBe(true);
    expect(initialLocale(store, "en-US")).toBe("zh-CN");
  });
});
