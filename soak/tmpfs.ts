// A small tmpfs for the full-disk test. Always unmounted again, even when the test fails.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function tmpfsUnsupported(): string | null {
  return process.getuid?.() === 0 ? null : "mounting a tmpfs needs root";
}

/** Runs `fn` with a fresh tmpfs of `sizeMiB` mounted at a temp directory; unmounts and removes it afterwards. */
export async function withTmpfs<T>(sizeMiB: number, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-full-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeMiB}m`, "tmpfs", dir]);
  try {
    return await fn(dir);
  } finally {
    // Lazy: a process that still has a file open there (a server being stopped) cannot block it.
    execFileSync("umount", ["-l", dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Fills the file system at `dir` with a file until it is full; returns its path (delete it to free the space). */
export function fillDisk(dir: string): string {
  const file = path.join(dir, "filler");
  const fd = fs.openSync(file, "w");
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOSPC") throw err;
  }
  // The last bytes a 64 KiB block could not take.
  try {
    for (;;) fs.writeSync(fd, block.subarray(0, 512));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOSPC") throw err;
  } finally {
    fs.closeSync(fd);
  }
  return file;
}
