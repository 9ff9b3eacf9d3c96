// ANSI SGR escape codes -> styled text runs, for terminal output. Colours and emphasis become data
// (rendered as <span>s by React, so text is always escaped); every other escape sequence (cursor
// movement, OSC titles/links, stray ESC) is dropped, so raw escape codes never reach the page.
export type AnsiStyle = {
  fg?: string; // "ansi-N" (0-15) palette class or "#rrggbb"
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strike?: boolean;
};
export type AnsiRun = { text: string; style: AnsiStyle };

// CSI (ESC [ ... final), OSC (ESC ] ... BEL|ST), and other two-character escapes.
const ESCAPES = /\u001b\[([0-9;:?]*)([@-~])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?|\u009b[0-9;]*[@-~]/g;

const CUBE = [0, 95, 135, 175, 215, 255];
const hex = (n: number) => n.toString(16).padStart(2, "0");
const rgb = (r: number, g: number, b: number) => `#${hex(r)}${hex(g)}${hex(b)}`;

function color256(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined;
  if (n < 16) return `ansi-${n}`;
  if (n < 232) {
    const i = n - 16;
    return rgb(CUBE[Math.floor(i / 36)], CUBE[Math.floor(i / 6) % 6], CUBE[i % 6]);
  }
  const level = 8 + (n - 232) * 10;
  return rgb(level, level, level);
}

function applySgr(params: string, style: AnsiStyle): AnsiStyle {
  const codes = params === "" ? [0] : params.split(/[;:]/).map((p) => (p === "" ? 0 : Number(p)));
  let s = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 0) s = {};
    else if (c === 1) s.bold = true;
    else if (c === 2) s.dim = true;
    else if (c === 3) s.italic = true;
    else if (c === 4) s.underline = true;
    else if (c === 7) s.inverse = true;
    else if (c === 9) s.strike = true;
    else if (c === 22) s.bold = s.dim = false;
    else if (c === 23) s.italic = false;
    else if (c === 24) s.underline = false;
    else if (c === 27) s.inverse = false;
    else if (c === 29) s.strike = false;
    else if (c >= 30 && c <= 37) s.fg = `ansi-${c - 30}`;
    else if (c === 39) delete s.fg;
    else if (c >= 40 && c <= 47) s.bg = `ansi-${c - 40}`;
    else if (c === 49) delete s.bg;
    else if (c >= 90 && c <= 97) s.fg = `ansi-${c - 90 + 8}`;
    else if (c >= 100 && c <= 107) s.bg = `ansi-${c - 100 + 8}`;
    else if (c === 38 || c === 48) {
      const key = c === 38 ? "fg" : "bg";
      if (codes[i + 1] === 5) {
        const v = color256(codes[i + 2]);
        if (v) s[key] = v;
        i += 2;
      } else if (codes[i + 1] === 2) {
        const [r, g, b] = codes.slice(i + 2, i + 5);
        if ([r, g, b].every((x) => Number.isInteger(x) && x >= 0 && x <= 255)) s[key] = rgb(r, g, b);
        i += 4;
      }
    }
  }
  for (const k of Object.keys(s) as (keyof AnsiStyle)[]) if (s[k] === false || s[k] === undefined) delete s[k];
  return s;
}

/** Splits terminal output into runs of text with one style each. Runs never contain escape codes. */
export function parseAnsi(input: string): AnsiRun[] {
  const runs: AnsiRun[] = [];
  let style: AnsiStyle = {};
  let last = 0;
  const push = (text: string) => {
    // Control characters other than tab/newline would show as boxes; backspace/CR are dropped too.
    const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
    if (!clean) return;
    const prev = runs[runs.length - 1];
    if (prev && JSON.stringify(prev.style) === JSON.stringify(style)) prev.text += clean;
    else runs.push({ text: clean, style });
  };
  for (const m of input.matchAll(ESCAPES)) {
    push(input.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] === "m") style = applySgr(m[1], style);
  }
  push(input.slice(last));
  return runs;
}

/** True when the text contains any escape sequence worth parsing. */
export function hasAnsi(input: string): boolean {
  return input.includes("\u001b") || input.includes("\u009b");
}
