// The CLI's local state: the shares file (private, atomic) and OpenCode's share switch.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { convertText } from "./convert.mjs";
import { serverFrom } from "./main.mjs";
import { sharingDisabledBy } from "./opencode-config.mjs";
import { readShares, removeShare, saveShare, storePath } from "./share-store.mjs";

const dirs = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "parley-cli-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const record = (id) => ({
  id,
  secret: `secret-${id}`,
  url: `http://x/s/${id}`,
  server: "http://x",
  sessionID: `ses_${id}`,
  title: "T",
  source: "codex",
  createdAt: "2026-01-01T00:00:00.000Z",
});

describe("shares.json", () => {
  it("lives in $XDG_CONFIG_HOME/parley, else ~/.config/parley", () => {
    expect(storePath({ XDG_CONFIG_HOME: "/cfg", HOME: "/h" })).toBe("/cfg/parley/shares.json");
    expect(storePath({ HOME: "/h" })).toBe("/h/.config/parley/shares.json");
  });

  it("is written with mode 0600 in a 0700 directory, even under a permissive umask", () => {
    const env = { XDG_CONFIG_HOME: tmp() };
    const old = process.umask(0o000);
    try {
      saveShare(record("a"), env);
    } finally {
      process.umask(old);
    }
    expect(fs.statSync(storePath(env)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(storePath(env))).mode & 0o777).toBe(0o700);
    saveShare(record("b"), env);
    removeShare("a", "http://x", env);
    expect(readShares(env).map((s) => s.id)).toEqual(["b"]);
    expect(fs.statSync(storePath(env)).mode & 0o777).toBe(0o600);
  });
});

describe('share: "disabled" in the project\'s opencode.json', () => {
  it("is found in the nearest opencode.json(c) up from the directory", () => {
    const root = tmp();
    const nested = path.join(root, "a", "b");
    fs.mkdirSync(nested, { recursive: true });
    expect(sharingDisabledBy(nested)).toBeNull();
    fs.writeFileSync(path.join(root, "opencode.jsonc"), '{\n  // no sharing here\n  "share": "disabled",\n}\n');
    expect(sharingDisabledBy(nested)).toBe(path.join(root, "opencode.jsonc"));
    // the nearest file decides
    fs.writeFileSync(path.join(root, "a", "opencode.json"), '{"share": "manual"}');
    expect(sharingDisabledBy(nested)).toBeNull();
  });
});

describe("input detection and --server", () => {
  it("refuses files that are no session, and picks the default server", () => {
    expect(() => convertText('{"hello": 1}', "x.json")).toThrow(/not one `opencode export` wrote/);
    expect(() => convertText("just text\n", "x.txt")).toThrow(/not a session this command knows/);
    expect(serverFrom(undefined, {})).toBe("http://localhost:3000");
    expect(serverFrom(undefined, { PARLEY_SERVER: "https://p.example.com/" })).toBe("https://p.example.com");
    expect(serverFrom("http://127.0.0.1:3116", { PARLEY_SERVER: "https://p.example.com" })).toBe("http://127.0.0.1:3116");
    expect(() => serverFrom("ftp://x", {})).toThrow(/http/);
  });

  it("reads an opencode export, also with the line `opencode export` prints before it", () => {
    const file = "/work/shared/fixtures/opencode-1.18.33/tour/session-export.json";
    const text = fs.existsSync(file)
      ? fs.readFileSync(file, "utf8")
      : JSON.stringify({ info: { id: "ses_1", title: "T", time: { created: 1 } }, messages: [] });
    const converted = convertText(`Exporting session: x\n${text}`);
    expect(converted.format).toBe("opencode");
    expect(converted.items[0].type).toBe("session");
  });
});
