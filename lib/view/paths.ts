// Shows file paths the way the person who ran the session saw them: relative to the session directory.

function normalise(p: string): string {
  const abs = p.startsWith("/");
  const out: string[] = [];
  for (const seg of p.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === ".." && out.length && out[out.length - 1] !== "..") out.pop();
    else if (seg !== ".." || !abs) out.push(seg);
  }
  return (abs ? "/" : "") + out.join("/");
}

/** `path` relative to `base` when it lies inside it ("." for base itself); otherwise `path` unchanged. */
export function relativePath(path: string, base: string | undefined | null): string {
  if (!path) return path;
  if (path.startsWith("file://")) path = decodeURIComponent(path.slice("file://".length));
  if (!base || !path.startsWith("/")) return path;
  const p = normalise(path);
  const b = normalise(base).replace(/\/$/, "");
  if (p === b) return ".";
  if (b === "" || b === "/") return p.slice(1);
  return p.startsWith(b + "/") ? p.slice(b.length + 1) : path;
}

/** The last segment of a path ("greet.ts" for "src/greet.ts" or "src\\greet.ts"). */
export function baseName(path: string): string {
  return (
    path
      .replace(/[\\/]+$/, "")
      .split(/[\\/]/)
      .pop() || path
  );
}
