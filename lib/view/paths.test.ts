import { describe, expect, it } from "vitest";
import { baseName, relativePath } from "./paths";

describe("relativePath", () => {
  it.each([
    ["/home/dev/proj/src/greet.ts", "/home/dev/proj", "src/greet.ts"],
    ["/home/dev/proj/src/greet.ts", "/home/dev/proj/", "src/greet.ts"],
    ["/home/dev/proj", "/home/dev/proj", "."],
    ["/home/dev/project-b/x.ts", "/home/dev/proj", "/home/dev/project-b/x.ts"],
    ["/etc/passwd", "/home/dev/proj", "/etc/passwd"],
    ["/home/dev/proj/a/../b.ts", "/home/dev/proj", "b.ts"],
    ["file:///home/dev/proj/src/app.ts", "/home/dev/proj", "src/app.ts"],
    ["src/already.ts", "/home/dev/proj", "src/already.ts"],
    ["/home/dev/proj/x.ts", undefined, "/home/dev/proj/x.ts"],
  ])("%s relative to %s is %s", (path, base, want) => {
    expect(relativePath(path, base)).toBe(want);
  });

  it("baseName takes the last segment", () => {
    expect(baseName("src/greet.ts")).toBe("greet.ts");
    expect(baseName("dir/")).toBe("dir");
    expect(baseName("C:\\Users\\dev\\notes.txt")).toBe("notes.txt");
  });
});
