import { describe, expect, it } from "vitest";
import { createLogger, prettyLine, shortId } from "./logger";

function capture(level: "info" | "debug" | "warn", pretty = false) {
  const lines: string[] = [];
  return { lines, log: createLogger({ level, pretty, write: (l) => lines.push(l) }) };
}

describe("logger", () => {
  it("writes one JSON object a line, at or above the level", () => {
    const { lines, log } = capture("info");
    log.debug("hidden");
    log.info({ share: shortId("AbCdEfGhIjKlMnOpQrStUvWx"), status: 200 }, "request");
    expect(lines).toHaveLength(1);
    const rec = JSON.parse(lines[0]);
    expect(rec).toMatchObject({ level: 30, msg: "request", share: "AbCdEf…", status: 200 });
    expect(typeof rec.time).toBe("number");
  });

  it("never writes a secret or an Authorization header that slipped into a record", () => {
    const { lines, log } = capture("debug");
    log.info({ secret: "s3cr3t-value", req: { secret: "s3cr3t-value" }, headers: { authorization: "Bearer s3cr3t-value" } }, "x");
    expect(lines.join("")).not.toContain("s3cr3t-value");
  });

  it("shortens share ids to six characters", () => {
    expect(shortId("AbCdEfGhIjKlMnOpQrStUvWx")).toBe("AbCdEf…");
    expect(shortId("abc")).toBe("abc");
  });

  it("prints a readable line in a terminal", () => {
    const { lines, log } = capture("info", true);
    log.warn({ route: "/s/:id", status: 410 }, "request");
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d \x1b\[33mWARN \x1b\[0m request route=\/s\/:id status=410\n$/);
    expect(prettyLine('{"level":30,"time":0,"msg":"hi","pid":1}', false)).toBe("00:00:00 INFO  hi\n");
  });
});
