import { describe, expect, it } from "vitest";
import { formatBytes, formatDate, plural } from "./format";

describe("format", () => {
  it("formatBytes: one decimal, none for a whole number, the next unit instead of 1024", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(1024)).toBe("1 KB");
    expect(formatBytes(51_335)).toBe("50.1 KB"); // the tour's long bash output behind "show all"
    expect(formatBytes(3_040_234)).toBe("2.9 MB"); // the attachment fixture's screenshot
    expect(formatBytes(64 * 1024 ** 2)).toBe("64 MB"); // a limit in an error message
    expect(formatBytes(38 * 1024 ** 2)).toBe("38 MB");
    expect(formatBytes(1024 ** 2 - 1)).toBe("1 MB");
    expect(formatBytes(1.5 * 1024 ** 3)).toBe("1.5 GB");
  });
  it("formatDate: the day and time in UTC, or the day only", () => {
    const ms = Date.UTC(2026, 10, 25, 11, 58, 30);
    expect(formatDate(ms)).toBe("25 Nov 2026, 11:58 UTC");
    expect(formatDate(ms, { time: false })).toBe("25 Nov 2026");
    expect(formatDate(Date.UTC(2026, 0, 5, 0, 0))).toBe("5 Jan 2026, 00:00 UTC");
  });
  it("plural: thousands separators and irregular plurals", () => {
    expect(plural(1, "file")).toBe("1 file");
    expect(plural(0, "file")).toBe("0 files");
    expect(plural(5000, "line")).toBe("5,000 lines");
    expect(plural(2, "entry", "entries")).toBe("2 entries");
  });
});
