// The share page is rendered to HTML by React's server renderer in Parley's own server (lib/page/,
// lib/render/html.ts) and never hydrated, so no client component may be reachable from it: it would
// fail to render, or render without its behaviour. Walks the imports.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");
const BODY_ROOT = "lib/page/render-page.tsx";
// import … from "x", export … from "x", import "x", import("x"), with either quote
const IMPORTS = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^;'"]*?\sfrom\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`cannot resolve ${spec} from ${path.relative(ROOT, from)}`);
}

/** Every file of ours reachable from `root` by value imports, with its source. */
function reachable(root: string): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = [path.join(ROOT, root)];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const source = fs.readFileSync(file, "utf8");
    seen.set(file, source);
    for (const m of source.matchAll(IMPORTS)) {
      if (m[1]) continue; // `import type` is erased
      const next = resolveImport(file, m[2] ?? m[3]);
      if (next) queue.push(next);
    }
  }
  return new Map([...seen].map(([f, s]) => [path.relative(ROOT, f), s]));
}

const isClient = (source: string) => /^\s*(?:\/\/[^\n]*\n\s*)*["']use client["']/.test(source);

describe("the statically rendered conversation body", () => {
  const files = reachable(BODY_ROOT);

  it("reaches every part and tool renderer", () => {
    const renderers = ["components/parts", "components/tools"].flatMap((dir) =>
      fs
        .readdirSync(path.join(ROOT, dir))
        .filter((f) => f.endsWith(".tsx") && !f.includes(".test."))
        .map((f) => `${dir}/${f}`),
    );
    expect(renderers.length).toBeGreaterThan(20);
    expect(renderers.filter((f) => !files.has(f))).toEqual([]);
  });

  it("contains no client component", () => {
    expect([...files].filter(([, source]) => isClient(source)).map(([f]) => f)).toEqual([]);
    // The check itself finds one where there is one.
    expect(isClient('// a comment\n"use client";\nexport const x = 1;')).toBe(true);
  });
});
