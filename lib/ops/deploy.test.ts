// deploy/parley.service keeps its promises: a non-root user, restart on failure, the data directory as
// the only writable path. (deploy/nginx.conf is exercised for real by e2e/nginx.spec.ts.)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import pkg from "../../package.json";
import { parseConfig } from "../config";

const UNIT = path.join(__dirname, "..", "..", "deploy", "parley.service");

function directives(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (m) map.set(m[1], [...(map.get(m[1]) ?? []), m[2]]);
  }
  return map;
}

describe("deploy/parley.service", () => {
  const unit = directives(fs.readFileSync(UNIT, "utf8"));
  const env = Object.fromEntries((unit.get("Environment") ?? []).map((e) => e.split(/=(.*)/s).slice(0, 2)));

  it("runs as a non-root user and restarts on failure", () => {
    expect(unit.get("User")?.[0]).toMatch(/^(?!root$)\w+$/);
    expect(unit.get("Restart")).toEqual(["on-failure"]);
    expect(unit.get("NoNewPrivileges")).toEqual(["true"]);
  });

  it("makes the data directory the only writable path, and it is PARLEY_DATA_DIR", () => {
    expect(unit.get("ProtectSystem")).toEqual(["strict"]);
    expect(unit.get("ReadWritePaths")).toEqual([env.PARLEY_DATA_DIR]);
    expect(unit.get("ProtectHome")).toEqual(["true"]);
    expect(unit.get("PrivateTmp")).toEqual(["true"]);
  });

  it("sets a configuration Parley accepts: loopback, trusted proxy, public https origin", () => {
    const config = parseConfig(env);
    expect(config.HOST).toBe("127.0.0.1");
    expect(config.PARLEY_TRUST_PROXY).toBe(1);
    expect(config.PARLEY_PUBLIC_URL).toMatch(/^https:\/\//);
  });

  it("caps the V8 heap at package.json's config.heapMiB, as npm start does", () => {
    expect(unit.get("ExecStart")).toEqual([`/usr/bin/node --max-old-space-size=${pkg.config.heapMiB} /opt/parley/dist/server.js`]);
  });

  it.skipIf(spawnSync("systemd-analyze", ["--version"]).status !== 0)("passes systemd-analyze verify", () => {
    const result = spawnSync("systemd-analyze", ["verify", "--man=no", UNIT], { encoding: "utf8" });
    expect(result.stderr.split("\n").filter((l) => l && !/ExecStart|is not executable|No such file/.test(l))).toEqual([]);
  });
});
