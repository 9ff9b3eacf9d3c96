// Reads a session file and picks its converter: an `opencode export` JSON file, a Claude Code
// session (JSON lines with sessionId/uuid/message) or a Codex rollout (JSON lines of {type, payload}).
import fs from "node:fs";
import path from "node:path";
import { convertClaudeCode, isClaudeCode } from "./claude-code.mjs";
import { convertCodex, isCodex } from "./codex.mjs";
import { convertOpencodeExport, isOpencodeExport } from "./opencode-export.mjs";

export class UsageError extends Error {}

/** @typedef {{format: "opencode" | "claude-code" | "codex", items: {type: string, data: any}[], unknown: number, skipped: number, sessionID: string, title: string}} Converted */

/** @param {string} text @param {string} [file] @returns {Converted} */
export function convertText(text, file) {
  const whole = parseWhole(text);
  if (whole !== undefined) {
    if (isOpencodeExport(whole)) return { format: "opencode", ...convertOpencodeExport(whole) };
    throw new UsageError(`${file ?? "input"}: a JSON file, but not one \`opencode export\` wrote (no info and messages)`);
  }
  const values = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      values.push(JSON.parse(line));
    } catch {
      // counted by the converter as an unknown line
    }
  }
  if (isCodex(values)) return { format: "codex", ...convertCodex(text, { file }) };
  if (isClaudeCode(values)) return { format: "claude-code", ...convertClaudeCode(text, { file }) };
  throw new UsageError(
    `${file ?? "input"}: not a session this command knows (an opencode export JSON file, a Claude Code session .jsonl, or a Codex rollout-*.jsonl)`,
  );
}

/** `opencode export` prints a line before the JSON when run in a terminal: start at the first brace. */
function parseWhole(text) {
  const start = text.indexOf("{");
  if (start < 0) return undefined;
  const body = text.slice(start).trim();
  if (!body.endsWith("}")) return undefined;
  try {
    const value = JSON.parse(body);
    // A one-line JSONL file parses whole too; a session export is never a single Claude/Codex line.
    if (value && typeof value === "object" && ("payload" in value || "sessionId" in value)) return undefined;
    return value;
  } catch {
    return undefined;
  }
}

/** @param {string} file */
export function convertFile(file) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${err.code === "ENOENT" ? "no such file" : err.message}`);
  }
  return convertText(text, path.basename(file));
}
