import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { KeyValueStore } from "../i18n/locale";
import { initialPane, PANE_STORAGE_KEY, storePane } from "./paneChoice";
import { CJK_FONTS, DARK_THEME, LIGHT_THEME, wantsDark, withCjkFonts } from "./theme";

describe("theme", () => {
  test("inside Excel the Office theme decides; the system only when Office does not say", () => {
    expect(wantsDark({ kind: "excel", language: "zh-CN", officeDark: true }, false)).toBe(true);
    expect(wantsDark({ kind: "excel", language: "zh-CN", officeDark: false }, true)).toBe(false);
    expect(wantsDark({ kind: "excel", language: "zh-CN", officeDark: null }, true)).toBe(true);
  });
  test("browser mode follows prefers-color-scheme", () => {
    expect(wantsDark({ kind: "browser", language: null, officeDark: null }, true)).toBe(true);
    expect(wantsDark({ kind: "browser", language: null, officeDark: null }, false)).toBe(false);
  });
  test("Chinese fonts come after Fluent's Latin fonts and before the generic family", () => {
    expect(LIGHT_THEME.fontFamilyBase.startsWith(webLightTheme.fontFamilyBase.replace(/,\s*sans-serif$/, ""))).toBe(
      true,
    );
    expect(LIGHT_THEME.fontFamilyBase.endsWith(`${CJK_FONTS}, sans-serif`)).toBe(true);
    expect(DARK_THEME.colorNeutralBackground1).toBe(webDarkTheme.colorNeutralBackground1);
    expect(withCjkFonts({ ...webLightTheme, fontFamilyBase: "Arial" }).fontFamilyBase).toBe(
      `Arial, ${CJK_FONTS}, sans-serif`,
    );
  });
});

describe("pane choice", () => {
  const store = (value: string | null): KeyValueStore & { data: Map<string, string> } => {
    const data = new Map<string, string>(value === null ? [] : [[PANE_STORAGE_KEY, value]]);
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  };
  test("the last used pane if still registered, else the first", () => {
    expect(initialPane(store("kpi"), ["appraisal", "kpi", "settings"])).toBe("kpi");
    expect(initialPane(store("gone"), ["appraisal", "settings"])).toBe("appraisal");
    expect(initialPane(store(null), ["settings"])).toBe("settings");
    expect(initialPane(null, [])).toBeNull();
  });
  test("storing survives a storage that throws", () => {
    const s = store(null);
    storePane(s, "settings");
    expect(s.data.get(PANE_STORAGE_KEY)).toBe("settings");
    const throwing: KeyValueStore = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    };
    expect(() => storePane(throwing, "settings")).not.toThrow();
    expect(initialPane(throwing, ["settings"])).toBe("settings");
  });
});
