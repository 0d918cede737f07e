/**
 * Normalises text typed by people before it is parsed: trims, turns full-width ASCII forms
 * (what a Chinese IME produces: "８５％", "２０２６／１０／５", "Ｙ") into their ASCII forms,
 * the ideographic space into a space, and collapses runs of whitespace into one space.
 *
 * @example
 * normalizeText("  ８５％ ") // → "85%"
 * normalizeText("2026年10月5日　8：30") // → "2026年10月5日 8:30"
 */
export function normalizeText(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += value[i];
  }
  return out.replace(/\s+/g, " ").trim();
}
