// The conversation body is rendered to HTML by React's server renderer outside Next
// (lib/render/html.ts) and never hydrated, so no client component may be reachable from it: it
// would fail to render, or render without its behaviour. Walks the imports from the body's roots.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const BODY_ROOTS = ["components/message.tsx", "components/files-changed.tsx", "lib/render/markdown.tsx"];

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  throw new Error(`cannot resolve ${spec} from ${path.relative(ROOT, from)}`);
}

function reachable(): Map<string, string> {
  const seen = new Map<string, string>(); // file -> source
  const queue = BODY_ROOTS.map((f) => path.join(ROOT, f));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const source = fs.readFileSync(file, "utf8");
    seen.set(file, source);
    for (const m of source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm)) {
      if (/^\s*(?:import|export)\s+type\s/.test(m[0])) continue;
      const next = resolveImport(file, m[1]);
      if (next) queue.push(next);
    }
  }
  return seen;
}

describe("the statically rendered conversation body", () => {
  it("reaches every part and tool renderer, and no client component", () => {
    const files = reachable();
    const names = [...files.keys()].map((f) => path.relative(ROOT, f));
    expect(names).toContain("components/tools/bash-tool.tsx");
    expect(names).toContain("components/copy-button.tsx");
    expect(names.filter((f) => /^\s*["']use client["']/m.test(files.get(path.join(ROOT, f))!))).toEqual([]);
  });
});
