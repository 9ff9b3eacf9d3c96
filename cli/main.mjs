// `parley share <file>`, `parley unshare <url>`, `parley list`. Plain Node (no build step, no extra
// runtime): the package's bin runs this with node after `npm ci`.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ApiFailure, createShare, deleteShare, syncItems } from "./api.mjs";
import { convertFile, UsageError } from "./convert.mjs";
import { sharingDisabledBy } from "./opencode-config.mjs";
import { readShares, removeShare, saveShare, storePath } from "./share-store.mjs";

const SOURCES = { opencode: "OpenCode", "claude-code": "Claude Code", codex: "Codex" };

export const HELP = `Usage:
  parley share <file> [--server URL]   upload a session and print its link; <file> is an
                                       \`opencode export\` JSON file, a Claude Code session
                                       (~/.claude/projects/<project>/<session>.jsonl) or a Codex
                                       session (~/.codex/sessions/.../rollout-*.jsonl)
  parley unshare <url>                 remove a share made from this machine (the link answers 410)
  parley list                          the shares made from this machine

--server defaults to $PARLEY_SERVER, then http://localhost:3000.
Ids and secrets are kept in ${storePath()} (mode 0600).`;

/** @param {string[]} argv @param {{out: (s: string) => void, err: (s: string) => void, env?: NodeJS.ProcessEnv, cwd?: string}} io */
export async function main(argv, io) {
  const env = io.env ?? process.env;
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { server: { type: "string" }, help: { type: "boolean", short: "h" }, json: { type: "boolean" } },
  });
  const [command, target, ...extra] = positionals;
  if (values.help || !command) {
    io.out(HELP);
    return command || values.help ? 0 : 2;
  }
  if (extra.length) throw new UsageError(`unexpected argument: ${extra[0]}`);
  if (command === "share") {
    if (!target) throw new UsageError("share needs a file: parley share <file>");
    return share(target, serverFrom(values.server, env), io, env);
  }
  if (command === "unshare") {
    if (!target) throw new UsageError("unshare needs the share's link: parley unshare <url>");
    return unshare(target, values.server, io, env);
  }
  if (command === "list") return list(io, env, values.json === true);
  throw new UsageError(`unknown command "${command}" (share, unshare, list)`);
}

export function serverFrom(flag, env) {
  const raw = flag ?? env.PARLEY_SERVER ?? "http://localhost:3000";
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--server must be a URL such as https://parley.example.com, not "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--server must be http:// or https://, not ${url.protocol}`);
  return url.origin + url.pathname.replace(/\/+$/, "");
}

async function share(file, server, io, env) {
  const cwd = io.cwd ?? process.cwd();
  const converted = convertFile(path.resolve(cwd, file));
  // The project is the directory the command runs in, and the one the session ran in when it is here too.
  const directory = converted.items[0]?.data?.directory;
  for (const dir of new Set([cwd, ...(typeof directory === "string" && path.isAbsolute(directory) ? [directory] : [])])) {
    const by = safeExists(dir) ? sharingDisabledBy(dir) : null;
    if (by) throw new UsageError(`sharing is disabled for this project: ${by} sets "share": "disabled", so this session is not uploaded`);
  }

  const source = SOURCES[converted.format];
  const messages = converted.items.filter((i) => i.type === "message").length;
  const parts = converted.items.filter((i) => i.type === "part").length;
  io.err(`parley: ${source} session "${converted.title}": ${messages} messages, ${parts} parts`);
  io.err(
    converted.unknown === 0
      ? "parley: every line was understood"
      : converted.unknown === 1
        ? "parley: 1 line was not understood and is kept as an unknown item"
        : `parley: ${converted.unknown} lines were not understood and are kept as unknown items`,
  );

  const known = readShares(env).find((s) => s.server === server && s.sessionID === converted.sessionID);
  let record = known;
  let totals;
  if (known) {
    try {
      totals = await syncItems(server, known.id, known.secret, converted.items);
    } catch (err) {
      if (!(err instanceof ApiFailure && (err.status === 404 || err.status === 410))) throw err;
      removeShare(known.id, server, env);
      record = undefined; // removed on the server since: share it anew
    }
  }
  if (!record) {
    const created = await createShare(server, converted.sessionID);
    record = {
      id: created.id,
      secret: created.secret,
      url: created.url,
      server,
      sessionID: converted.sessionID,
      title: converted.title,
      source: converted.format,
      file: path.resolve(cwd, file),
      createdAt: new Date().toISOString(),
    };
    // Kept before the upload, so a share whose sync fails half-way can still be removed.
    saveShare(record, env);
    totals = await syncItems(server, record.id, record.secret, converted.items);
  }
  io.err(
    `parley: ${known && record === known ? "updated" : "shared"}: the server stored ${totals.stored} items${totals.redactions ? `, redacted ${totals.redactions} ${totals.redactions === 1 ? "secret" : "secrets"}` : ""}${totals.degraded ? `, left out ${totals.degraded} oversized attachments` : ""}`,
  );
  if (totals.rejected.length) io.err(`parley: warning: the server rejected ${totals.rejected.length} items: ${JSON.stringify(totals.rejected.slice(0, 3))}`);
  io.out(record.url);
  return 0;
}

function safeExists(dir) {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** The record a link (…/s/<id>, …/share/<id>) or a bare id names. */
function findRecord(target, server, env) {
  const shares = readShares(env);
  const byUrl = shares.find((s) => s.url === target);
  if (byUrl) return byUrl;
  let id = target;
  let origin;
  try {
    const url = new URL(target);
    const m = /^\/(?:s|share)\/([^/]+)\/?$/.exec(url.pathname);
    if (!m) throw new UsageError(`${target} is not a share link (…/s/<id>)`);
    id = decodeURIComponent(m[1]);
    origin = url.origin;
  } catch (err) {
    if (err instanceof UsageError) throw err;
  }
  return shares.find(
    (s) => s.id === id && (!origin || new URL(s.server).origin === origin || new URL(s.url).origin === origin) && (!server || s.server === server),
  );
}

async function unshare(target, serverFlag, io, env) {
  const server = serverFlag === undefined ? undefined : serverFrom(serverFlag, env);
  const record = findRecord(target, server, env);
  if (!record) throw new UsageError(`no share made from this machine matches ${target} (see parley list; the secrets are in ${storePath(env)})`);
  try {
    await deleteShare(record.server, record.id, record.secret);
    io.out(`unshared ${record.url}`);
  } catch (err) {
    if (!(err instanceof ApiFailure && (err.status === 410 || err.status === 404))) throw err;
    io.out(`${record.url} was already removed on the server`);
  }
  removeShare(record.id, record.server, env);
  return 0;
}

function list(io, env, json) {
  const shares = readShares(env);
  if (json) {
    io.out(
      JSON.stringify(
        shares.map(({ secret: _secret, ...rest }) => rest),
        null,
        2,
      ),
    );
    return 0;
  }
  if (!shares.length) {
    io.out("No shares made from this machine.");
    return 0;
  }
  for (const s of shares) io.out(`${s.url}\t${SOURCES[s.source] ?? s.source}\t${s.createdAt.slice(0, 10)}\t${s.title}`);
  return 0;
}
