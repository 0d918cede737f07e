import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import type { PaneEnvironment } from "../environment";

/**
 * Fonts for Chinese after Fluent's Latin stack: Segoe UI has no CJK glyphs, and naming the
 * usual system fonts keeps the pane's Chinese consistent across Windows, macOS and Linux.
 */
export const CJK_FONTS =
  "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC'";

export function withCjkFonts(theme: Theme): Theme {
  const base = theme.fontFamilyBase;
  const fontFamilyBase = /,\s*sans-serif\s*$/.test(base)
    ? base.replace(/,\s*sans-serif\s*$/, `, ${CJK_FONTS}, sans-serif`)
    : `${base}, ${CJK_FONTS}, sans-serif`;
  return { ...theme, fontFamilyBase };
}

export const LIGHT_THEME: Theme = withCjkFonts(webLightTheme);
export const DARK_THEME: Theme = withCjkFonts(webDarkTheme);

/**
 * Dark or light: inside Excel, Office's theme (dark body background → dark); where Office does
 * not report one, and in browser mode, the system's prefers-color-scheme.
 */
export function wantsDark(env: PaneEnvironment, systemPrefersDark: boolean): boolean {
  if (env.kind === "excel" && env.officeDark !== null) return env.officeDark;
  return systemPrefersDark;
}
