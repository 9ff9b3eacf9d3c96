// Terminal output with ANSI colours rendered as spans (text escaped by React; escape codes dropped).
import type { CSSProperties } from "react";
import { parseAnsi, type AnsiStyle } from "@/lib/view/ansi";
import { RedactedText } from "./redacted-text";

function styleOf(s: AnsiStyle): { className?: string; style?: CSSProperties } {
  const cls: string[] = [];
  const style: CSSProperties = {};
  let { fg, bg } = s;
  if (s.inverse) [fg, bg] = [bg ?? "ansi-default-bg", fg ?? "ansi-default-fg"];
  if (fg?.startsWith("ansi-")) cls.push(`fg-${fg}`);
  else if (fg) style.color = fg;
  if (bg?.startsWith("ansi-")) cls.push(`bg-${bg}`);
  else if (bg) style.backgroundColor = bg;
  if (s.bold) cls.push("ansi-bold");
  if (s.dim) cls.push("ansi-dim");
  if (s.italic) cls.push("ansi-italic");
  if (s.underline) cls.push("ansi-underline");
  if (s.strike) cls.push("ansi-strike");
  return { className: cls.join(" ") || undefined, style: Object.keys(style).length ? style : undefined };
}

export function Terminal({ output, label = "Output" }: { output: string; label?: string }) {
  return (
    <pre className="terminal" tabIndex={0} aria-label={label} data-copy-source>
      {parseAnsi(output).map((run, i) => {
        const { className, style } = styleOf(run.style);
        return className || style ? (
          <span key={i} className={className} style={style}>
            <RedactedText text={run.text} />
          </span>
        ) : (
          <RedactedText key={i} text={run.text} />
        );
      })}
    </pre>
  );
}
