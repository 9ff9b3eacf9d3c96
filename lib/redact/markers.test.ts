import { describe, expect, it } from "vitest";
import { marker, markerRanges, splitRedactions, startsWithMarker } from "./markers";

describe("redaction markers", () => {
  it("what marker() writes is what splitRedactions and markerRanges recognise", () => {
    for (const kind of ["aws-access-key", "model-header", "url-password", "github_pat", "x.y"]) {
      const text = `key=${marker(kind)} rest`;
      expect(splitRedactions(text)).toEqual([{ text: "key=" }, { redacted: kind }, { text: " rest" }]);
      expect(markerRanges(text)).toEqual([{ start: 4, end: 4 + marker(kind).length }]);
      expect(startsWithMarker(marker(kind))).toBe(true);
    }
  });
  it("leaves look-alikes alone", () => {
    expect(splitRedactions("[REDACTED:] and [REDACTED: x]")).toEqual([{ text: "[REDACTED:] and [REDACTED: x]" }]);
    expect(markerRanges("no markers")).toEqual([]);
    expect(startsWithMarker("hunter2[REDACTED:x]")).toBe(false);
  });
});
