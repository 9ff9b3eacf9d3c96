// Token colours as short classes instead of an inline style per token: shiki's
// `style="--shiki-light:#A0111F;--shiki-dark:#FF7B72"` cost ~50 bytes a token, twice over (in the HTML
// and again in the React payload), and made highlighted code most of a page's weight. The palettes are
// the two themes' own colours (a test checks they still match and that globals.css has a rule for
// each); a colour outside them falls back to the inline style. Text in the themes' default colour
// gets no span at all and inherits the page's text colour.
export const LIGHT_PALETTE = [
  "#0E1116",
  "#66707B",
  "#A0111F",
  "#023B95",
  "#702C00",
  "#622CBC",
  "#024C1A",
  "#032563",
  "#6E011A",
  "#FFFFFF",
  "#E7ECF0",
  "#4B535D",
];
export const DARK_PALETTE = ["#E6EDF3", "#8B949E", "#FF7B72", "#79C0FF", "#FFA657", "#D2A8FF", "#7EE787", "#A5D6FF", "#FFA198", "#F0F6FC", "#161B22"];

const light = new Map(LIGHT_PALETTE.map((c, i) => [c, `l${i}`]));
const dark = new Map(DARK_PALETTE.map((c, i) => [c, `d${i}`]));
const HEX = /^#[0-9a-fA-F]{3,8}$/;

/**
 * The attribute for a token of these colours: "" (default colours); ` class="t2"` when both themes
 * give the token their colour of one index, which the two palettes line up for (nearly every token:
 * about 7 bytes less a token than two classes); ` class="l2 d4"` otherwise; or an inline-style fallback.
 */
export function tokenAttribute(lightColor: string | undefined, darkColor: string | undefined): string {
  const l = lightColor?.toUpperCase();
  const d = darkColor?.toUpperCase();
  if ((l === undefined || l === LIGHT_PALETTE[0]) && (d === undefined || d === DARK_PALETTE[0])) return "";
  const lc = light.get(l ?? LIGHT_PALETTE[0]);
  const dc = dark.get(d ?? DARK_PALETTE[0]);
  if (lc && dc && lc.slice(1) === dc.slice(1)) return ` class="t${lc.slice(1)}"`;
  // Both classes, so the dark rule overrides the light one even where one side is the default.
  if (lc && dc) return ` class="${lc} ${dc}"`;
  const style = [l && HEX.test(l) ? `--shiki-light:${l}` : "", d && HEX.test(d) ? `--shiki-dark:${d}` : ""].filter(Boolean).join(";");
  return style ? ` style="${style}"` : "";
}

// A token span exactly as highlight.ts writes it: one of tokenAttribute()'s three forms around escaped
// text, nothing inside. Nothing else on a page has this shape (content is escaped, and no other markup
// uses these classes), so a page's HTML can drop its code colours without parsing it.
const TOKEN_SPAN = /<span (?:class="(?:t\d+|l\d+ d\d+)"|style="--shiki-(?:light|dark):#[0-9a-fA-F]{3,8}(?:;--shiki-dark:#[0-9a-fA-F]{3,8})?")>([^<]*)<\/span>/g;

/** `html` with every token span replaced by its text: the same code, in the page's text colour. */
export function withoutTokenColours(html: string): string {
  return html.replace(TOKEN_SPAN, "$1");
}

/** The CSS rules for the palettes (globals.css carries exactly these; a test compares them). */
export function tokenCss(): string {
  const sel = (...cs: string[]) => cs.map((c) => `.shiki .${c}, .diff-code .${c}`).join(", ");
  const lightRules = LIGHT_PALETTE.map((c, i) => `${sel(`l${i}`, ...(i < DARK_PALETTE.length ? [`t${i}`] : []))} { color: ${c}; }`);
  const darkRules = DARK_PALETTE.map((c, i) => `  ${sel(`d${i}`, `t${i}`)} { color: ${c}; }`);
  return [...lightRules, "@media (prefers-color-scheme: dark) {", ...darkRules, "}"].join("\n");
}
