// The checks on manifest.xml that the XML schema cannot make. Used by scripts/check-manifest.mjs
// (`npm run validate:offline`, after xmllint's schema check) and by test/manifest/*.test.ts.
// CommonJS and dependency-free so that both can load it without a build step.
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, loaded without a build step */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

// ---------------------------------------------------------------------------------------------
// A small XML reader: elements, attributes, text, comments, CDATA, the XML declaration and the
// five named entities plus numeric ones. Enough for a manifest (no DTDs); it throws with a line
// number on anything malformed, so a broken manifest cannot pass these checks silently.

const NAMED_ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(s, line) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (m, ent) => {
    if (ent === undefined) throw new Error(`line ${line}: bare "&" (write &amp;)`);
    if (ent[0] === "#")
      return String.fromCodePoint(ent[1] === "x" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10));
    if (!(ent in NAMED_ENTITIES)) throw new Error(`line ${line}: unknown entity &${ent};`);
    return NAMED_ENTITIES[ent];
  });
}

/**
 * @returns {{ name: string, local: string, attrs: Record<string, string>, children: any[], text: string, line: number, parent: any }}
 */
function parseXml(source) {
  const root = { name: "#document", local: "#document", attrs: {}, children: [], text: "", line: 1, parent: null };
  let cur = root;
  let i = 0;
  const lineAt = (pos) => source.slice(0, pos).split("\n").length;
  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const textEnd = lt === -1 ? source.length : lt;
    if (textEnd > i) {
      const raw = source.slice(i, textEnd);
      if (cur === root) {
        if (raw.trim() !== "") throw new Error(`line ${lineAt(i)}: text outside the root element`);
      } else cur.text += decodeEntities(raw, lineAt(i));
    }
    if (lt === -1) break;
    i = lt;
    if (source.startsWith("<!--", i)) {
      const end = source.indexOf("-->", i + 4);
      if (end === -1) throw new Error(`line ${lineAt(i)}: unterminated comment`);
      i = end + 3;
    } else if (source.startsWith("<![CDATA[", i)) {
      const end = source.indexOf("]]>", i);
      if (end === -1) throw new Error(`line ${lineAt(i)}: unterminated CDATA`);
      cur.text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith("<?", i)) {
      const end = source.indexOf("?>", i);
      if (end === -1) throw new Error(`line ${lineAt(i)}: unterminated processing instruction`);
      i = end + 2;
    } else if (source.startsWith("<!", i)) {
      throw new Error(`line ${lineAt(i)}: DOCTYPE and other declarations are not expected in a manifest`);
    } else if (source.startsWith("</", i)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(source.slice(i));
      if (!m) throw new Error(`line ${lineAt(i)}: malformed end tag`);
      if (m[1] !== cur.name)
        throw new Error(`line ${lineAt(i)}: </${m[1]}> closes <${cur.name}> (opened on line ${cur.line})`);
      cur = cur.parent;
      i += m[0].length;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(
        source.slice(i),
      );
      if (!m) throw new Error(`line ${lineAt(i)}: malformed start tag`);
      const line = lineAt(i);
      const attrs = {};
      const attrRe = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
      let a;
      while ((a = attrRe.exec(m[2]))) {
        if (a[1] in attrs) throw new Error(`line ${line}: attribute ${a[1]} repeated on <${m[1]}>`);
        attrs[a[1]] = decodeEntities(a[2] !== undefined ? a[2] : a[3], line);
      }
      if (cur === root && root.children.length > 0) throw new Error(`line ${line}: a second root element <${m[1]}>`);
      const el = { name: m[1], local: m[1].replace(/^.*:/, ""), attrs, children: [], text: "", line, parent: cur };
      cur.children.push(el);
      if (m[3] !== "/") cur = el;
      i += m[0].length;
    }
  }
  if (cur !== root) throw new Error(`<${cur.name}> opened on line ${cur.line} is never closed`);
  if (root.children.length !== 1) throw new Error("the document has no root element");
  return root.children[0];
}

/** Every element below `el` (depth first, document order), `el` included. */
function walk(el, out = []) {
  out.push(el);
  for (const c of el.children) walk(c, out);
  return out;
}

const find = (el, local) => walk(el).filter((e) => e.local === local);
const child = (el, local) => (el ? el.children.find((c) => c.local === local) : undefined);

// ---------------------------------------------------------------------------------------------
// What the checks need from the repository.

const ROOT = path.resolve(__dirname, "..");
/** Where the dev server and dist/ serve from; URLs under it map to files in the repository. */
const ORIGIN = "https://localhost:3000";
/** URL path prefixes that webpack copies from the repository unchanged (copy-webpack-plugin). */
const STATIC_DIRS = { "/assets/": "assets/" };
/** String resources that read the same in every language and need no zh-CN override. */
const LANGUAGE_NEUTRAL = new Set(["Functions.Namespace"]);
const NAMESPACE = "SVC";
const REQUIRED_SETS = { SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" };
/** Icon sizes Office documents for task pane add-ins. */
const TOP_LEVEL_ICON_SIZES = { IconUrl: 32, HighResolutionIconUrl: 64 };
/** Which kind of resource an element's resid must name. */
const RESID_KIND = {
  Image: "image",
  SourceLocation: "url",
  FunctionFile: "url",
  LearnMoreUrl: "url",
  Runtime: "url",
  Label: "short",
  Title: "short",
  Namespace: "short",
  Description: "long",
};
const RESOURCE_KIND = { Images: "image", Urls: "url", ShortStrings: "short", LongStrings: "long" };

/** Width and height of a PNG file, or null when it is not one. */
function pngSize(file) {
  const buf = fs.readFileSync(file);
  if (buf.length < 24 || buf.toString("latin1", 1, 4) !== "PNG" || buf.toString("latin1", 12, 16) !== "IHDR")
    return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function versionCompare(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let k = 0; k < Math.max(pa.length, pb.length); k++) {
    const d = (pa[k] || 0) - (pb[k] || 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * The Excel API requirement the code declares: the highest exported `EXCEL_API_REQUIREMENT...`
 * constant in src/excel (null when there is none yet). A string literal is read from the
 * source; a computed value (e.g. the maximum of a table) by running the module with the
 * project's TypeScript (scripts/support/load-ts.js).
 */
function declaredExcelApi(rootDir = ROOT) {
  const dir = path.join(rootDir, "src", "excel");
  if (!fs.existsSync(dir)) return null;
  let best = null;
  const consider = (version, file) => {
    if (typeof version !== "string" || !/^\d+\.\d+$/.test(version))
      throw new Error(`${file}: EXCEL_API_REQUIREMENT is ${JSON.stringify(version)}, not a version like "1.9"`);
    if (best === null || versionCompare(version, best.version) > 0) best = { version, file };
  };
  const visit = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) visit(p);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const src = fs.readFileSync(p, "utf8");
        const rel = path.relative(rootDir, p);
        const declared = [...src.matchAll(/export\s+const\s+(EXCEL_API_REQUIREMENT\w*)\s*(?::[^=]+)?=\s*([^;\n]+)/g)];
        if (declared.length === 0) continue;
        const literal = (expr) => /^["'](\d+\.\d+)["']\s*(?:as const)?\s*$/.exec(expr.trim());
        if (declared.every((m) => literal(m[2]))) {
          for (const m of declared) consider(literal(m[2])[1], rel);
        } else {
          const { loadTypeScriptModule } = require("./support/load-ts.js");
          const exported = loadTypeScriptModule(p).exports;
          for (const m of declared) consider(exported[m[1]], rel);
        }
      }
    }
  };
  visit(dir);
  return best;
}

// ---------------------------------------------------------------------------------------------

/**
 * Runs every check on a manifest's text. Returns a list of problems (strings that say what is
 * wrong and where); empty when the manifest passes.
 * @param {string} xml
 * @param {{ root?: string, packageVersion?: string, excelApi?: { version: string, file: string } | null }} [options]
 */
function checkManifest(xml, options = {}) {
  const rootDir = options.root || ROOT;
  const packageVersion =
    options.packageVersion !== undefined
      ? options.packageVersion
      : JSON.parse(fs.readFileSync(path.join(rootDir, "package.json"), "utf8")).version;
  const problems = [];
  const problem = (el, msg) => problems.push(el ? `line ${el.line}: ${msg}` : msg);
  let excelApi = null;
  if (options.excelApi !== undefined) excelApi = options.excelApi;
  else {
    try {
      excelApi = declaredExcelApi(rootDir);
    } catch (e) {
      problem(null, `cannot read the Excel API requirement from src/excel: ${e.message}`);
    }
  }

  let doc;
  try {
    doc = parseXml(xml);
  } catch (e) {
    return [`not well-formed XML: ${e.message}`];
  }
  if (doc.local !== "OfficeApp") return [`the root element is <${doc.name}>, not <OfficeApp>`];

  // --- resources: unique ids, and a table of them by id
  const resources = new Map();
  const resourcesEl = find(doc, "Resources")[0];
  if (!resourcesEl) problem(doc, "no <Resources> in VersionOverrides");
  else {
    for (const group of resourcesEl.children) {
      const kind = RESOURCE_KIND[group.local];
      if (!kind) continue;
      for (const item of group.children) {
        const id = item.attrs.id;
        if (!id) {
          problem(item, `a <${item.name}> in <${group.name}> has no id`);
          continue;
        }
        if (resources.has(id))
          problem(item, `resource id "${id}" is used twice (first on line ${resources.get(id).el.line})`);
        else
          resources.set(id, {
            id,
            kind,
            el: item,
            value: item.attrs.DefaultValue,
            overrides: item.children.filter((c) => c.local === "Override"),
          });
      }
    }
  }

  // --- every resid resolves, to a resource of the right kind
  const used = new Set();
  for (const el of walk(doc)) {
    if (!("resid" in el.attrs)) continue;
    const id = el.attrs.resid;
    const res = resources.get(id);
    if (!res) {
      problem(el, `<${el.name} resid="${id}"> names no resource`);
      continue;
    }
    used.add(id);
    const want = RESID_KIND[el.local];
    if (want && res.kind !== want)
      problem(el, `<${el.name} resid="${id}"> needs a ${want} resource, but "${id}" is a ${res.kind} resource`);
  }
  for (const res of resources.values()) if (!used.has(res.id)) problem(res.el, `resource "${res.id}" is never used`);

  // --- every URL is absolute https
  const URL_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]);
  const checkUrl = (el, value, what) => {
    let u;
    try {
      u = new URL(value);
    } catch {
      problem(el, `${what} "${value}" is not an absolute URL`);
      return;
    }
    if (u.protocol !== "https:") problem(el, `${what} "${value}" is not https`);
  };
  for (const el of walk(doc)) {
    const urlValued =
      URL_ELEMENTS.has(el.local) ||
      (el.parent && (el.parent.local === "Images" || el.parent.local === "Urls")) ||
      (el.local === "Override" &&
        el.parent &&
        el.parent.parent &&
        (el.parent.parent.local === "Images" ||
          el.parent.parent.local === "Urls" ||
          URL_ELEMENTS.has(el.parent.local)));
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name.startsWith("xmlns") || name === "xsi:type") continue;
      if (urlValued && (name === "DefaultValue" || name === "Value")) checkUrl(el, value, `<${el.name} ${name}>`);
      else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^https:\/\//i.test(value))
        problem(el, `<${el.name} ${name}="${value}"> is not https`);
    }
    if (el.local === "AppDomain") checkUrl(el, el.text.trim(), "<AppDomain>");
    else if (/^\s*[a-z][a-z0-9+.-]*:\/\//i.test(el.text) && !/^\s*https:\/\//i.test(el.text))
      problem(el, `<${el.name}> text "${el.text.trim()}" is not https`);
  }

  // --- icons exist at the sizes stated
  const fileForUrl = (el, value) => {
    if (!value.startsWith(ORIGIN + "/")) {
      problem(el, `icon URL "${value}" is not served by this project (${ORIGIN}); cannot check its size`);
      return null;
    }
    const pathname = new URL(value).pathname;
    const prefix = Object.keys(STATIC_DIRS).find((p) => pathname.startsWith(p));
    if (!prefix) {
      problem(
        el,
        `icon URL "${value}" is not under ${Object.keys(STATIC_DIRS).join(", ")}, which webpack copies from the repository`,
      );
      return null;
    }
    const file = path.join(rootDir, STATIC_DIRS[prefix], decodeURIComponent(pathname.slice(prefix.length)));
    if (!fs.existsSync(file)) {
      problem(el, `icon "${value}" has no file ${path.relative(rootDir, file)}`);
      return null;
    }
    return file;
  };
  const checkIcon = (el, value, size) => {
    const file = fileForUrl(el, value);
    if (!file) return;
    const dim = pngSize(file);
    if (!dim) problem(el, `${path.relative(rootDir, file)} is not a PNG file`);
    else if (dim.width !== size || dim.height !== size)
      problem(el, `${path.relative(rootDir, file)} is ${dim.width}x${dim.height} px, but is used as a ${size} px icon`);
  };
  for (const [local, size] of Object.entries(TOP_LEVEL_ICON_SIZES)) {
    const el = child(doc, local);
    if (!el) {
      problem(doc, `no <${local}> (${size}x${size} px)`);
      continue;
    }
    for (const v of [
      el.attrs.DefaultValue,
      ...el.children.filter((c) => c.local === "Override").map((o) => o.attrs.Value),
    ])
      if (v) checkIcon(el, v, size);
  }
  for (const img of walk(doc).filter((e) => e.local === "Image" && e.attrs.size && e.attrs.resid)) {
    const res = resources.get(img.attrs.resid);
    if (!res || res.kind !== "image") continue; // reported above
    const size = Number(img.attrs.size);
    for (const v of [res.value, ...res.overrides.map((o) => o.attrs.Value)]) if (v) checkIcon(img, v, size);
  }

  // --- both languages: zh-CN overrides for everything a person reads
  const hasZh = (el) =>
    el.children.some(
      (c) => c.local === "Override" && c.attrs.Locale === "zh-CN" && (c.attrs.Value || "").trim() !== "",
    );
  for (const local of ["DisplayName", "Description"]) {
    const el = child(doc, local);
    if (!el) problem(doc, `no <${local}>`);
    else if (!hasZh(el)) problem(el, `<${local}> has no zh-CN <Override>`);
  }
  for (const res of resources.values()) {
    if ((res.kind === "short" || res.kind === "long") && !LANGUAGE_NEUTRAL.has(res.id) && !hasZh(res.el))
      problem(res.el, `string "${res.id}" has no zh-CN <bt:Override>`);
  }

  // --- shared runtime: one page for the pane, the functions and the commands
  const runtimes = find(doc, "Runtime");
  if (runtimes.length !== 1) problem(doc, `expected one <Runtime>, found ${runtimes.length}`);
  const runtime = runtimes[0];
  if (runtime) {
    if (runtime.attrs.lifetime !== "long") problem(runtime, `<Runtime> must have lifetime="long" for a shared runtime`);
    const cf = find(doc, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
    const page = cf && child(child(cf, "Page"), "SourceLocation");
    const others = [
      ["the custom functions <Page>", page],
      ["<FunctionFile>", find(doc, "FunctionFile")[0]],
      ...find(doc, "Action")
        .filter((a) => a.attrs["xsi:type"] === "ShowTaskpane")
        .map((a) => [`the ShowTaskpane action on line ${a.line}`, child(a, "SourceLocation")]),
    ];
    for (const [what, el] of others) {
      if (!el) problem(null, `${what} is missing`);
      else if (el.attrs.resid !== runtime.attrs.resid)
        problem(el, `${what} uses "${el.attrs.resid}", not the shared runtime's "${runtime.attrs.resid}"`);
    }
    if (!cf) problem(doc, 'no <ExtensionPoint xsi:type="CustomFunctions">');
    else {
      const ns = child(cf, "Namespace");
      const nsRes = ns && resources.get(ns.attrs.resid);
      if (!nsRes || nsRes.value !== NAMESPACE)
        problem(ns || cf, `the custom functions namespace must be "${NAMESPACE}"`);
      else if (nsRes.overrides.length > 0)
        problem(
          nsRes.el,
          `the namespace "${NAMESPACE}" must not change with the language: workbooks refer to ${NAMESPACE}.* by name`,
        );
      const meta = child(child(cf, "Metadata"), "SourceLocation");
      const metaRes = meta && resources.get(meta.attrs.resid);
      if (!metaRes) problem(cf, "the custom functions <Metadata> has no URL");
      else {
        // Excel caches functions.json for up to a day: every metadata URL carries ?v=<version>.
        const zh = metaRes.overrides.find((o) => o.attrs.Locale === "zh-CN");
        if (!zh) problem(metaRes.el, `"${metaRes.id}" has no zh-CN override pointing at the Chinese metadata`);
        for (const [el, value] of [[metaRes.el, metaRes.value], ...metaRes.overrides.map((o) => [o, o.attrs.Value])]) {
          let v = null;
          try {
            v = new URL(value).searchParams.get("v");
          } catch {
            continue; // reported as "not an absolute URL"
          }
          if (v !== packageVersion)
            problem(
              el,
              `metadata URL "${value}" must end in ?v=${packageVersion} (package.json version) so Excel does not serve a cached functions.json`,
            );
        }
      }
    }
  }

  // --- version and requirements
  const version = child(doc, "Version");
  if (!version || version.text.trim() !== `${packageVersion}.0`)
    problem(
      version || doc,
      `<Version> is "${version ? version.text.trim() : ""}"; package.json says ${packageVersion}, so it must be ${packageVersion}.0`,
    );
  const sets = new Map();
  const reqs = child(doc, "Requirements");
  for (const s of reqs ? find(reqs, "Set") : [])
    sets.set(s.attrs.Name, { el: s, min: s.attrs.MinVersion || s.parent.attrs.DefaultMinVersion || "1.1" });
  for (const [name, min] of Object.entries(REQUIRED_SETS)) {
    const s = sets.get(name);
    if (!s) problem(reqs || doc, `<Requirements> lacks <Set Name="${name}" MinVersion="${min}">`);
    else if (versionCompare(s.min, min) < 0) problem(s.el, `${name} must be at least ${min}`);
  }
  const excel = sets.get("ExcelApi");
  if (!excel) problem(reqs || doc, `<Requirements> lacks an ExcelApi minimum version`);
  else if (excelApi && versionCompare(excel.min, excelApi.version) < 0)
    problem(
      excel.el,
      `ExcelApi ${excel.min} is below the ${excelApi.version} that ${excelApi.file} declares (EXCEL_API_REQUIREMENT)`,
    );
  const perms = child(doc, "Permissions");
  if (!perms || perms.text.trim() !== "ReadWriteDocument")
    problem(perms || doc, "<Permissions> must be ReadWriteDocument (least privilege that can write sheets)");

  return problems;
}

/** Every URL the manifest points at on our own origin, as a path relative to dist/ (no query). */
function servedPaths(xml) {
  const out = new Set();
  for (const el of walk(parseXml(xml))) {
    for (const value of Object.values(el.attrs)) {
      if (value.startsWith(ORIGIN + "/")) out.add(decodeURIComponent(new URL(value).pathname.slice(1)));
    }
  }
  return [...out].sort();
}

module.exports = { parseXml, checkManifest, servedPaths, declaredExcelApi, pngSize, ORIGIN };
