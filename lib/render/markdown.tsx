// Markdown -> React on the server, safe by construction: no raw HTML (react-markdown turns it into
// literal text; rehype-raw is never added), links only http(s)/mailto with rel=nofollow, remote
// images never loaded (shown as a link instead), fenced code highlighted by highlightCode() through
// <CodeBlock>. renderMarkdown() is the single entry point, so a render cache can wrap it.
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import type { ReactElement } from "react";
import { CodeBlock } from "@/components/code-block";
import { ExternalLink } from "@/components/external-link";
import { remarkRedactions } from "./remark-redactions";
import { safeHref } from "./urls";

type HastNode = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: HastNode[] };
const textOf = (n: HastNode | undefined): string =>
  !n ? "" : n.type === "text" ? (n.value ?? "") : (n.children ?? []).map(textOf).join("");

const components: Components = {
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
    return <CodeBlock code={textOf(code)} lang={lang} />;
  },
  input: ({ checked }) => (
    <span className={checked ? "task-box done" : "task-box"} role="img" aria-label={checked ? "done" : "not done"} />
  ),
  table: ({ children }) => (
    <div className="table-scroll">
      <table>{children}</table>
    </div>
  ),
};

/** Renders untrusted markdown (GFM) as React elements; the output never contains raw HTML from `text`. */
export function renderMarkdown(text: string): ReactElement {
  return (
    <div className="markdown">
      <Markdown remarkPlugins={[remarkGfm, remarkRedactions]} urlTransform={safeHref} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
