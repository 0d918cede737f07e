/**
 * Reads a one-call custom-function formula with literal arguments (`=SVC.GRADE(4.95)`,
 * `=SVC.WEIGHTED({4,"",5},{60%,20%,20%})`) the way Excel hands them to the function: each
 * argument a matrix — a scalar as [[v]], an array constant as its rows, an empty argument as
 * [[null]]. Plain TypeScript, so it also runs in the browser (test/e2e/support/fakeHost.ts).
 */

export interface CustomCall {
  /** Upper case, with the namespace: "SVC.GRADE". */
  readonly name: string;
  readonly args: unknown[][][];
}

/** Splits on `sep` outside strings and braces. */
function split(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "{") depth += 1;
    else if (!quoted && c === "}") depth -= 1;
    else if (!quoted && depth === 0 && c === sep) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function scalar(token: string): unknown {
  const t = token.trim();
  if (t === "") return null;
  if (t.startsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(t)) return t.toUpperCase() === "TRUE";
  const pct = /^(-?[\d.]+)%$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  if (/^-?[\d.]+(e[-+]?\d+)?$/i.test(t)) return Number(t);
  throw new Error(`customCall: cannot read the argument ${t}`);
}

function argument(token: string): unknown[][] {
  const t = token.trim();
  if (t.startsWith("{")) return split(t.slice(1, -1), ";").map((row) => split(row, ",").map(scalar));
  return [[scalar(t)]];
}

export function parseCustomCall(formula: string): CustomCall {
  const m = /^=([A-Z]+\.[A-Z]+)\((.*)\)$/i.exec(formula.trim());
  if (!m) throw new Error(`not a single custom-function call: ${formula}`);
  return { name: m[1]!.toUpperCase(), args: split(m[2]!, ",").map(argument) };
}
