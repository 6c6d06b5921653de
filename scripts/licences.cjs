// Licence check of what the product ships: every package of the production dependency tree.
// A GPL or AGPL licence fails the check (HyperFormula, GPL-3.0, is allowed only as a dev tool).
const { execFileSync } = require("node:child_process");
const { readFileSync } = require("node:fs");
const path = require("node:path");

const COPYLEFT = /\b(A?GPL)(?![-\w]*exception)/i;

function licenceOf(dir) {
  const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  const licence = typeof pkg.license === "string" ? pkg.license : pkg.license?.type ?? (pkg.licenses ?? []).map((l) => l.type ?? l).join(" OR ");
  return { name: pkg.name, version: pkg.version, licence: licence || "UNKNOWN" };
}

/** A package is refused when its licence is GPL or AGPL and offers no permissive alternative. */
function refused(licence) {
  const options = licence.replace(/[()]/g, "").split(/\s+OR\s+/i);
  return options.every((o) => COPYLEFT.test(o) && !/\bLGPL/i.test(o));
}

function productionPackages(root) {
  const out = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return out
    .split("\n")
    .filter((line) => line && line !== root)
    .map(licenceOf);
}

module.exports = { licenceOf, refused, productionPackages };

if (require.main === module) {
  const packages = productionPackages(path.resolve(__dirname, ".."));
  const bad = packages.filter((p) => refused(p.licence));
  for (const p of bad) console.error(`refused: ${p.name}@${p.version} is ${p.licence}`);
  console.log(`${packages.length} shipped packages, ${bad.length} refused.`);
  process.exitCode = bad.length ? 1 : 0;
}
