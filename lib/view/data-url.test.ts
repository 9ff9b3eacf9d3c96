import { describe, expect, it } from "vitest";
import { dataUrlByteLength, decodeDataUrl, isDataUrl, parseDataUrl, withDataUrlText } from "./data-url";

describe("parseDataUrl", () => {
  it("reads the media type, the encoding and where the payload starts", () => {
    expect(parseDataUrl("data:Text/Plain;charset=utf-8;base64,aGk=")).toEqual({ mime: "text/plain", base64: true, payloadStart: 37, wellFormed: true });
    expect(parseDataUrl("data:,a%20b")).toEqual({ mime: "", base64: false, payloadStart: 6, wellFormed: true });
    expect(parseDataUrl("data:text/plain;base64;x=1,abc")).toMatchObject({ base64: false, wellFormed: true });
  });
  it("tells a malformed head (not a type/subtype token, spaces in parameters) from a well-formed one", () => {
    expect(parseDataUrl("data:not a type,x")?.wellFormed).toBe(false);
    expect(parseDataUrl("data:text/plain;name=a b,x")?.wellFormed).toBe(false);
  });
  it("is null for anything that is not a data: URL", () => {
    for (const url of ["https://example.com/x.png", "file:///home/dev/x.ts", "data:no-comma", "xdata:,a"]) expect(parseDataUrl(url)).toBeNull();
    expect(isDataUrl("DATA:,x")).toBe(true);
    expect(isDataUrl("file:///x")).toBe(false);
  });
});

describe("decoding", () => {
  it("decodes base64 and percent-encoded payloads, text/plain when no type is named", () => {
    expect(decodeDataUrl("data:image/png;base64,AAEC")).toEqual({ bytes: Buffer.from([0, 1, 2]), mime: "image/png" });
    expect(decodeDataUrl("data:,a%20b")).toEqual({ bytes: Buffer.from("a b"), mime: "text/plain" });
    expect(decodeDataUrl("data:text/plain,100%")!.bytes.toString("latin1")).toBe("100%"); // a stray % kept as sent
  });
  it("knows the decoded size without decoding, equal to the decoded length", () => {
    for (const url of ["data:text/plain;base64,aGk=", "data:text/plain;base64,aGlp", "data:text/plain;base64,aA==", "data:,a%20b%C3%A9", "data:,é"])
      expect(dataUrlByteLength(url)).toBe(decodeDataUrl(url)!.bytes.length);
    expect(dataUrlByteLength("https://example.com")).toBeNull();
  });
  it("re-encodes new text in the head's encoding", () => {
    const b64 = "data:text/plain;name=.env;base64,aGk=";
    const out = withDataUrlText(b64, parseDataUrl(b64)!, "héllo");
    expect(out.startsWith("data:text/plain;name=.env;base64,")).toBe(true);
    expect(decodeDataUrl(out)!.bytes.toString()).toBe("héllo");
    const pct = "data:,x";
    expect(withDataUrlText(pct, parseDataUrl(pct)!, "a b")).toBe("data:,a%20b");
  });
});
