// The render-once entry points the viewer uses: highlightCode/highlightLines behind the render cache
// (lib/render/cache.ts). Code entries are addressed by content (renderer version + language + code),
// so identical blocks within a share render once, a sync that leaves a block unchanged hits, and
// unshare drops them with the rest of the share. Markdown is cached per part in ./markdown.tsx.
import { contentHash } from "./cache";
import { highlightCode, highlightLines } from "./highlight";
import { runtime } from "../runtime";

// Bump when highlight.ts or markdown.tsx change their output, so no stale rendering is served.
export const RENDERER_VERSION = "r6";

/** highlightCode(code, lang) once per share and content. */
export function cachedHighlightCode(shareId: string, code: string, lang: string): Promise<string> {
  const hash = contentHash(RENDERER_VERSION, "code", lang, code);
  return runtime().renderCache.getOrRender(shareId, `code:${hash}`, hash, () => highlightCode(code, lang));
}

/** highlightLines(code, lang) once per share and content. */
export function cachedHighlightLines(shareId: string, code: string, lang: string): Promise<string[]> {
  const hash = contentHash(RENDERER_VERSION, "lines", lang, code);
  return runtime().renderCache.getOrRender(shareId, `lines:${hash}`, hash, () => highlightLines(code, lang));
}
