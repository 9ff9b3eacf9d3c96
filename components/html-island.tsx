"use client";
// Server-rendered HTML that React leaves alone in the browser. The page renders the conversation
// body to a string on the server (lib/render/html.ts) and parks it in a process-wide map under a
// random key (lib/render/islands.ts); only the key travels in the RSC payload. During server-side
// rendering this component, running in the same process, takes the string out of the map; in the
// browser it renders an empty innerHTML, which React does not compare while hydrating (production
// React only compares text children), so the server's DOM stays exactly as it arrived and nothing
// of the body is sent twice. `display: contents` keeps the wrapper out of the layout.
//
// Requests for the RSC payload alone (client-side navigation) have no server-side rendering step,
// so the page passes those the HTML itself (`html`).

const ISLANDS = Symbol.for("parley.htmlIslands");
type Parked = Map<string, { html: string; taken: boolean; onTaken?: () => void }>;

function takeParked(id: string): string {
  const parked = (globalThis as { [ISLANDS]?: Parked })[ISLANDS];
  const entry = parked?.get(id);
  if (!entry) throw new Error(`Server-rendered HTML ${id} is missing: it was rendered in another process, or taken too late.`);
  entry.taken = true;
  entry.onTaken?.();
  return entry.html;
}

export function HtmlIsland({ id, html }: { id: string; html?: string }) {
  const content = html ?? (typeof window === "undefined" ? takeParked(id) : "");
  return <div className="html-island" dangerouslySetInnerHTML={{ __html: content }} suppressHydrationWarning />;
}
