import { PANES } from "./registry";

describe("pane registry", () => {
  test("has the settings pane", () => {
    expect(PANES.map((p) => p.id)).toContain("settings");
  });

  test("ids are unique and usable in DOM ids", () => {
    const ids = PANES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  test.each(PANES.map((p) => [p.id, p] as const))("%s has a bilingual title, an icon and a component", (_id, pane) => {
    expect(pane.title.zh.trim()).not.toBe("");
    expect(pane.title.en.trim()).not.toBe("");
    expect(pane.icon).toBeTruthy();
    // A component function, or a React.lazy component (an object React knows how to render).
    const c = pane.component as unknown;
    expect(typeof c === "function" || (typeof c === "object" && c !== null && "$$typeof" in c)).toBe(true);
  });
});
