import { detectEnvironment, isDarkColor, type OfficeLike } from "./environment";

function fakeOffice(opts: {
  host: unknown;
  delayMs?: number;
  never?: boolean;
  reject?: boolean;
  language?: string;
  background?: string;
}): OfficeLike {
  return {
    HostType: { Excel: "Excel" },
    context: {
      displayLanguage: opts.language,
      officeTheme: opts.background ? { bodyBackgroundColor: opts.background } : undefined,
    },
    onReady: () => {
      if (opts.never) return new Promise(() => undefined);
      if (opts.reject) return Promise.reject(new Error("office.js failed"));
      return new Promise((resolve) => setTimeout(() => resolve({ host: opts.host }), opts.delayMs ?? 0));
    },
  };
}

describe("isDarkColor", () => {
  test.each([
    ["#FFFFFF", false],
    ["#f3f2f1", false],
    ["#E6E6E6", false],
    ["#000000", true],
    ["#262626", true],
    ["#1f1f1f", true],
    ["404040", true],
    ["#777777", true],
    ["#C0C0C0", false],
    ["", false],
    [undefined, false],
    ["red", false],
  ])("%s → %s", (color, dark) => {
    expect(isDarkColor(color)).toBe(dark);
  });
});

describe("detectEnvironment", () => {
  test("no Office global → browser mode at once", async () => {
    const env = await detectEnvironment({ office: undefined, browserLanguage: "zh-CN", timeoutMs: 10_000 });
    expect(env).toEqual({ kind: "browser", language: "zh-CN", officeDark: null });
  });

  test("office.js in a plain browser resolves with host null → browser mode", async () => {
    const env = await detectEnvironment({
      office: fakeOffice({ host: null }),
      browserLanguage: "en-GB",
      timeoutMs: 1000,
    });
    expect(env.kind).toBe("browser");
    expect(env.language).toBe("en-GB");
  });

  test("Excel → excel mode with Office's display language and theme", async () => {
    const env = await detectEnvironment({
      office: fakeOffice({ host: "Excel", language: "zh-CN", background: "#292929" }),
      browserLanguage: "en-US",
      timeoutMs: 1000,
    });
    expect(env).toEqual({ kind: "excel", language: "zh-CN", officeDark: true });
  });

  test("another Office host (the pane only supports Excel) → browser mode", async () => {
    const env = await detectEnvironment({
      office: fakeOffice({ host: "Word" }),
      browserLanguage: null,
      timeoutMs: 1000,
    });
    expect(env.kind).toBe("browser");
  });

  test("onReady that never resolves → browser mode after the timeout, not a hang", async () => {
    const env = await detectEnvironment({
      office: fakeOffice({ host: null, never: true }),
      browserLanguage: null,
      timeoutMs: 20,
    });
    expect(env.kind).toBe("browser");
  });

  test("onReady that rejects → browser mode", async () => {
    const env = await detectEnvironment({
      office: fakeOffice({ host: null, reject: true }),
      browserLanguage: null,
      timeoutMs: 1000,
    });
    expect(env.kind).toBe("browser");
  });

  test("Excel ready only after the timeout → browser first, then onLateExcel", async () => {
    const late = new Promise<unknown>((resolve) => {
      void detectEnvironment({
        office: fakeOffice({ host: "Excel", delayMs: 60, language: "en-US", background: "#FFFFFF" }),
        browserLanguage: null,
        timeoutMs: 10,
        onLateExcel: resolve,
      }).then((first) => expect(first.kind).toBe("browser"));
    });
    await expect(late).resolves.toEqual({ kind: "excel", language: "en-US", officeDark: false });
  });
});
