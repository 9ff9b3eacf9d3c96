// Markdown -> React on the server, safe by construction: no raw HTML (react-markdown turns it into
// literal text; rehype-raw is never added), links only http(s)/mailto with rel=nofollow, remote
// images never loaded (shown as a link instead), fenced code highlighted by highlightCode() through
// <CodeBlock>. renderMarkdown() is the single entry point.
//
// Render once: with a scope (share id + part key) the element tree react-markdown builds is kept in
// the render cache (lib/render/cache.ts) per content hash, so a second view skips remark/rehype (the
// expensive part, ~6 ms per KB) and <CodeBlock> finds its highlighting cached too. We cache the
// element tree rather than an HTML string: React elements are immutable and safe to reuse across
// requests, and untrusted text still only ever reaches the page through React's escaping (we never
// build HTML from markdown ourselves; the page places the body's HTML as React's server renderer
// escaped it, see lib/render/html.ts).
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { CodeBlock } from "@/components/blocks/code-block";
import { ExternalLink } from "@/components/blocks/external-link";
import { remarkRedactions } from "./remark-redactions";
import { safeHref } from "./urls";
import { contentHash } from "./cache";
import { RENDERER_VERSION } from "./cached";
import { runtime } from "../runtime";

type HastNode = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: HastNode[] };
const textOf = (n: HastNode | undefined): string => (!n ? "" : n.type === "text" ? (n.value ?? "") : (n.children ?? []).map(textOf).join(""));

const makeComponents = (shareId: string | undefined): Components => ({
  a: ({ href, children }) => <ExternalLink href={href}>{children}</ExternalLink>,
  img: ({ src, alt }) => {
    const href = typeof src === "string" ? safeHref(src) : undefined;
    const label = alt ? `Image: ${alt}` : "Image";
    // Loading a remote image would tell its host who reads this share (and can exfiltrate data).
    return (
      <span className="md-image" title="Remote images are not loaded">
        {href ? <ExternalLink href={href}>{label}</ExternalLink> : label}
      </span>
    );
  },
  pre: ({ node }) => {
    const code = (node as HastNode | undefined)?.children?.find((c) => c.tagName === "code");
    const cls = code?.properties?.className;
    const lang = (Array.isArray(cls) ? cls : [])
      .map(String)
      .find((c) => c.startsWith("language-"))
      ?.slice("language-".length);
    return <CodeBlock code={textOf(code)} lang={lang} shareId={shareId} />;
  },
  input: ({ checked }) => <span className={checked ? "task-box done" : "task-box"} role="img" aria-label={checked ? "done" : "not done"} />,
  table: ({ children }) => (
    <div className="table-scroll">
      <table>{children}</table>
    </div>
  ),
});

/** Where a rendering belongs in the render cache: its share, and a key unique to the part and field. */
export type RenderScope = { shareId: string; key: string };

const PLUGINS = [remarkGfm, remarkRedactions];
const uncachedComponents = makeComponents(undefined);

function markdownTree(text: string, shareId: string | undefined): ReactNode {
  return Markdown({ remarkPlugins: PLUGINS, urlTransform: safeHref, components: shareId ? makeComponents(shareId) : uncachedComponents, children: text });
}

/** Approximate memory of an element tree: two bytes a character of text plus a fixed cost per element. */
export function treeBytes(node: ReactNode): number {
  if (node === null || node === undefined || typeof node === "boolean") return 0;
  if (typeof node === "string") return 2 * node.length + 16;
  if (typeof node === "number" || typeof node === "bigint") return 16;
  if (Array.isArray(node)) return node.reduce((n: number, c: ReactNode) => n + treeBytes(c), 32);
  if (isValidElement(node)) {
    const props = node.props as Record<string, unknown>;
    let n = 160;
    for (const [k, v] of Object.entries(props)) n += k === "children" ? treeBytes(v as ReactNode) : typeof v === "string" ? 2 * v.length + 32 : 32;
    return n;
  }
  return 64;
}

/**
 * Renders untrusted markdown (GFM) as React elements; the output never contains raw HTML from `text`.
 * With a scope, the tree is rendered once per content version and reused from the render cache.
 */
export function renderMarkdown(text: string, scope?: RenderScope): ReactElement {
  const tree = scope
    ? runtime().renderCache.getOrRenderSync(
        scope.shareId,
        `md:${scope.key}`,
        contentHash(RENDERER_VERSION, "md", text),
        () => markdownTree(text, scope.shareId),
        treeBytes,
      )
    : markdownTree(text, undefined);
  return <div className="markdown">{tree}</div>;
}
