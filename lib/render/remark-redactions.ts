// A remark plugin that turns "[REDACTED:kind]" in markdown text into a <mark class="redacted"> node.
import { marker, splitRedactions } from "../redact/markers";

type MdNode = { type: string; value?: string; children?: MdNode[]; data?: Record<string, unknown> };

function split(node: MdNode): MdNode[] {
  const segments = splitRedactions(node.value ?? "");
  if (!segments.some((s) => "redacted" in s)) return [node];
  return segments.map((s) =>
    "redacted" in s
      ? {
          type: "redaction",
          data: {
            hName: "mark",
            hProperties: { className: ["redacted"], title: `Redacted by the server: ${s.redacted}`, dataKind: s.redacted },
            hChildren: [{ type: "text", value: marker(s.redacted) }],
          },
        }
      : { type: "text", value: s.text },
  );
}

function walk(node: MdNode) {
  if (!node.children) return;
  node.children = node.children.flatMap((c) => {
    if (c.type === "text") return split(c);
    walk(c);
    return [c];
  });
}

export function remarkRedactions() {
  return (tree: MdNode) => walk(tree);
}
