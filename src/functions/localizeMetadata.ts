/**
 * Build-time helper: turns the English functions.json that custom-functions-metadata
 * generates from functions.ts into the zh-CN functions.json (same ids and names — workbooks
 * stay portable between languages — with Chinese descriptions). Runs in Node at build time,
 * so it throws: a missing or stale translation must fail the build, not ship.
 */

export interface FunctionTranslation {
  /** The function's description in the target language. */
  readonly description: string;
  /** Per parameter name, its description in the target language. */
  readonly parameters: Readonly<Record<string, string>>;
}

/** Per function id, its translation. */
export type MetadataTranslations = Readonly<Record<string, FunctionTranslation>>;

interface MetadataParameter {
  name: string;
  description?: string;
  [key: string]: unknown;
}

interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  [key: string]: unknown;
}

/**
 * Returns the localized functions JSON. Throws an Error listing every function or parameter
 * without a translation, every empty translation, and every translation with nothing to
 * translate (a renamed function or parameter), all at once.
 *
 * @example
 * localizeMetadata(metadataJson, ZH_CN_METADATA) // → '{ "functions": [{ "id": "WEIGHTED", "name": "WEIGHTED", "description": "加权得分：…", … }] }'
 */
export function localizeMetadata(metadataJson: string, table: MetadataTranslations): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadataJson);
  } catch (e) {
    throw new Error(`localizeMetadata: the functions metadata is not valid JSON (${String(e)})`);
  }
  const functions = (parsed as { functions?: unknown }).functions;
  if (!Array.isArray(functions)) throw new Error("localizeMetadata: the functions metadata has no `functions` array");
  const problems: string[] = [];
  const seen = new Set<string>();
  const localized = (functions as MetadataFunction[]).map((f) => {
    seen.add(f.id);
    const t = Object.prototype.hasOwnProperty.call(table, f.id) ? table[f.id] : undefined;
    if (!t) {
      problems.push(`function ${f.id} has no translation`);
      return f;
    }
    if (typeof t.description !== "string" || t.description.trim() === "")
      problems.push(`function ${f.id}: the description translation is empty`);
    const names = new Set(f.parameters.map((p) => p.name));
    for (const name of Object.keys(t.parameters)) {
      if (!names.has(name)) problems.push(`function ${f.id}: translated parameter "${name}" does not exist`);
    }
    const parameters = f.parameters.map((p) => {
      const d = Object.prototype.hasOwnProperty.call(t.parameters, p.name) ? t.parameters[p.name] : undefined;
      if (typeof d !== "string" || d.trim() === "") {
        problems.push(`function ${f.id}: parameter "${p.name}" has no translation`);
        return p;
      }
      return { ...p, description: d };
    });
    return { ...f, description: t.description, parameters };
  });
  for (const id of Object.keys(table)) if (!seen.has(id)) problems.push(`translated function ${id} does not exist`);
  if (problems.length > 0)
    throw new Error(`localizeMetadata: ${problems.length} problem(s):\n- ${problems.join("\n- ")}`);
  return JSON.stringify({ ...(parsed as object), functions: localized }, null, 2);
}
