// LSP diagnostics a write/edit reported: errors only, as upstream shows them.
import { rec, arr, type Rec } from "@/lib/view/tool-data";
import { relativePath } from "@/lib/view/paths";

type Diag = { file: string; line?: number; col?: number; message: string };

export function errorDiagnostics(metadata: Rec, onlyFile?: string): Diag[] {
  const all = rec(metadata.diagnostics);
  const out: Diag[] = [];
  for (const [file, list] of Object.entries(all)) {
    if (onlyFile && file !== onlyFile) continue;
    for (const d of arr({ l: list }, "l").map(rec)) {
      if (d.severity !== undefined && d.severity !== 1) continue;
      const start = rec(rec(d.range).start);
      out.push({
        file,
        line: typeof start.line === "number" ? start.line + 1 : undefined,
        col: typeof start.character === "number" ? start.character + 1 : undefined,
        message: typeof d.message === "string" ? d.message : JSON.stringify(d.message),
      });
    }
  }
  return out;
}

export function Diagnostics({ metadata, file, directory }: { metadata: Rec; file?: string; directory?: string }) {
  const diags = errorDiagnostics(metadata, file);
  if (!diags.length) return null;
  return (
    <ul className="diagnostics" aria-label="Diagnostics">
      {diags.map((d, i) => (
        <li key={i}>
          <span className="diag-level">error</span>{" "}
          <code>
            {relativePath(d.file, directory)}
            {d.line ? `:${d.line}${d.col ? `:${d.col}` : ""}` : ""}
          </code>{" "}
          {d.message}
        </li>
      ))}
    </ul>
  );
}
