// The shares made from this machine: id, secret and server of each, in the user's config directory
// ($XDG_CONFIG_HOME/parley/shares.json, else ~/.config/parley/shares.json). The secret is the only
// way to unshare, so the file is private: mode 0600 in a 0700 directory, written atomically.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** @typedef {{id: string, secret: string, url: string, server: string, sessionID: string, title: string, source: string, file?: string, createdAt: string}} ShareRecord */

export function configDir(env = process.env) {
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(env.HOME || os.homedir(), ".config");
  return path.join(base, "parley");
}

export function storePath(env = process.env) {
  return path.join(configDir(env), "shares.json");
}

/** @returns {ShareRecord[]} */
export function readShares(env = process.env) {
  let text;
  try {
    text = fs.readFileSync(storePath(env), "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return [];
    throw err;
  }
  const value = JSON.parse(text);
  return Array.isArray(value?.shares) ? value.shares : [];
}

/** @param {ShareRecord[]} shares */
export function writeShares(shares, env = process.env) {
  const dir = configDir(env);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = storePath(env);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ version: 1, shares }, null, 2) + "\n", { mode: 0o600 });
  // writeFileSync's mode is masked by the umask and ignored for an existing file: set it outright.
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

/** @param {ShareRecord} record */
export function saveShare(record, env = process.env) {
  const others = readShares(env).filter((s) => !(s.id === record.id && s.server === record.server));
  writeShares([...others, record], env);
}

export function removeShare(id, server, env = process.env) {
  writeShares(
    readShares(env).filter((s) => !(s.id === id && s.server === server)),
    env,
  );
}
