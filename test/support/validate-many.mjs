// Validates several .xlsx/.xlsm files with the Open XML SDK validator in one process (the
// WebAssembly runtime starts once): node validate-many.mjs FILE... → JSON array of results per file.
import { readFileSync } from "node:fs";
import validate, { ready } from "@ooxml-tools/validate";

await ready();
const out = [];
for (const file of process.argv.slice(2)) out.push(await validate(new Uint8Array(readFileSync(file)), "xlsx"));
process.stdout.write(JSON.stringify(out));
