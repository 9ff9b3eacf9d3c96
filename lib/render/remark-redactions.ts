// A remark plugin that turns "[REDACTED:kind]" in markdown text into a <mark class="redacted"> node.
import { REDACTION } from "../redact/markers";

type MdNode = { type: string; value?: string; children?: MdNode[]; data?: Record<string, unknown> };

function split(node: MdNode): MdNode[] {
  const value = node.value ?? "";
  const out: MdNode[] = [];
  let last = 0;
  for (const m of value.matchAll(REDACTION)) {
    if (m.index > last) out.push({ type: "text", value: value.slice(last, m.index) });
    out.push({
      type: "redaction",
      data: {
        hName: "mark",
        hProperties: { className: ["redacted"], title: `Redacted by the server: ${m[1]}`, dataKind: m[1] },
        hChildren: [{ type: "text", value: m[0] }],
      },
    });
    last = m.index + m[0].length;
  }
  if (!out.length) return [node];
  if (last < value.length) out.push({ type: "text", value: value.slice(last) });
  return out;
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
