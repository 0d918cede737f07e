import type { Text } from "../../core/i18n/text";

/** Values a pane string may interpolate: `{name}` in both languages. */
export type Params = Readonly<Record<string, string | number>>;

/**
 * Fills `{name}` placeholders. Unknown placeholders stay visible (`{name}`) so a missing
 * parameter shows up in review and tests instead of silently printing "undefined".
 * `interpolate("共 {n} 行", { n: 3 })` → "共 3 行".
 */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole,
  );
}

/** The placeholder names a template uses, sorted: `placeholders("{a} of {b}")` → ["a", "b"]. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

/** A Text whose two languages interpolate the same parameters. */
export function formatText(t: Text, params?: Params): Text {
  return { zh: interpolate(t.zh, params), en: interpolate(t.en, params) };
}
