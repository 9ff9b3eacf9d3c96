// What every share page carries besides its content: the stylesheet and the one small script, both
// inline, so a page is one response with nothing else to fetch. The script is allowed by its SHA-256
// in the page's CSP (no nonce), which keeps every page body the same for every reader, so it can be
// compressed once and served from the page cache as it is.
import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type PageAssets = { css: string; script: string; scriptHash: string };

export function pageAssets(css: string, script: string): PageAssets {
  return { css, script, scriptHash: `sha256-${createHash("sha256").update(script, "utf8").digest("base64")}` };
}

/**
 * Reads the assets from a built project: the same stylesheet Next's pages import (app/globals.css),
 * and the viewer script scripts/build-server.mjs compiled from components/client/viewer.ts.
 */
export function loadPageAssets(root: string): PageAssets {
  const css = fs.readFileSync(path.join(root, "app", "globals.css"), "utf8");
  const script = fs.readFileSync(path.join(root, "dist", "viewer.js"), "utf8").trim();
  // Either would end the inline element early; neither occurs in our own files.
  if (/<\/style/i.test(css) || /<\/script/i.test(script)) throw new Error("page assets may not contain a closing tag");
  return pageAssets(css, script);
}
