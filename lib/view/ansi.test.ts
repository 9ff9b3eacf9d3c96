import { describe, expect, it } from "vitest";
import { parseAnsi } from "./ansi";

describe("parseAnsi", () => {
  it("turns SGR colours into styled runs without escape codes", () => {
    const runs = parseAnsi("\u001b[31mred error\u001b[0m \u001b[1;32mbold green ok\u001b[0m");
    expect(runs).toEqual([
      { text: "red error", style: { fg: "ansi-1" } },
      { text: " ", style: {} },
      { text: "bold green ok", style: { bold: true, fg: "ansi-2" } },
    ]);
  });

  it("maps 256-colour and truecolor codes to hex, and background colours", () => {
    const runs = parseAnsi("\u001b[38;5;208morange\u001b[0m\u001b[48;5;22;97mwhite on green\u001b[0m\u001b[38;2;1;2;3mrgb");
    expect(runs[0]).toEqual({ text: "orange", style: { fg: "#ff8700" } });
    expect(runs[1]).toEqual({ text: "white on green", style: { bg: "#005f00", fg: "ansi-15" } });
    expect(runs[2]).toEqual({ text: "rgb", style: { fg: "#010203" } });
  });

  it("drops non-SGR sequences and control characters, keeping text", () => {
    const text = parseAnsi("a\u001b[2Kb\u001b]0;title\u0007c\u001b[?25ld\re\u0008f")
      .map((r) => r.text)
      .join("");
    expect(text).toBe("abcdef");
    expect(text).not.toMatch(/[\u001b\u0007]/);
  });

  it("keeps HTML-looking text as text (escaping is React's job)", () => {
    expect(parseAnsi("<script>x</script>")).toEqual([{ text: "<script>x</script>", style: {} }]);
  });

  it("resets individual attributes", () => {
    const runs = parseAnsi("\u001b[1;4mab\u001b[22mcd\u001b[24;39mef");
    expect(runs.map((r) => [r.text, r.style])).toEqual([
      ["ab", { bold: true, underline: true }],
      ["cd", { underline: true }],
      ["ef", {}],
    ]);
  });
});
