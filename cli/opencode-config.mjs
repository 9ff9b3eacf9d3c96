// Honours OpenCode's own switch: `share: "disabled"` in the project's opencode.json (the nearest one
// up from the directory) means this project's sessions are not to be shared, whichever agent ran them.
import fs from "node:fs";
import path from "node:path";

const NAMES = ["opencode.json", "opencode.jsonc"];

/** The nearest opencode.json(c) at or above `dir`, or null. */
export function findOpencodeConfig(dir) {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    for (const name of NAMES) {
      const file = path.join(current, name);
      if (fs.existsSync(file)) return file;
    }
    if (path.dirname(current) === current) return null;
  }
}

/** JSON with comments and trailing commas, as OpenCode accepts it. */
export function parseJsonc(text) {
  const noComments = text.replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, str) => str ?? "");
  return JSON.parse(noComments.replace(/,(\s*[}\]])/g, "$1"));
}

/** The file that disables sharing for `dir`, or null when sharing is allowed. */
export function sharingDisabledBy(dir) {
  const file = findOpencodeConfig(dir);
  if (!file) return null;
  let config;
  try {
    config = parseJsonc(fs.readFileSync(file, "utf8"));
  } catch (err) {
    // Unreadable, it might say "disabled": refuse rather than guess.
    throw new Error(`cannot read ${file} to check its share setting: ${err.message}`);
  }
  return config?.share === "disabled" ? file : null;
}
