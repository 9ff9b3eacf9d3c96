// Server components -> an HTML string, for the parts of the page that never need React in the
// browser (the conversation body). Next puts everything a page renders into the page twice: once as
// HTML and once as its RSC ("flight") payload for hydration, and for a long share the second copy is
// the larger (a 200-message share: 1.27 MB of markup plus 1.96 MB of flight). The body has nothing
// to hydrate (its only behaviour is the copy controls, delegated from one small client component),
// so we render it to HTML here and hand the string to the page through <HtmlIsland>: the flight then
// carries a key instead of the content.
//
// React's server renderer (Fizz) is loaded from node_modules at run time, past the bundler: the
// React Server Components layer this runs in may not import react-dom/server, and does not need to
// share its React: Fizz only calls our components (plain or async functions, no hooks, no client
// components) and reads the elements they return, which are plain objects in every React 19 build.
// So what is rendered here must stay plain server components: no hooks, no context, no "use client"
// module (components/conversation/static-body.test.ts checks the last for the conversation body).
import { createRequire } from "node:module";
import path from "node:path";
import type { ReactNode } from "react";

/** Marks markup that stands in for a part that failed to render (such pages are not cached). */
export const RENDER_FAILED_ATTR = "data-render-failed";

type Prerender = (node: ReactNode, options?: { onError?: (error: unknown) => void }) => Promise<{ prelude: NodeJS.ReadableStream }>;

let prerender: Prerender | undefined;

function fizz(): Prerender {
  if (!prerender) {
    // Resolved from the project directory, where `next start` runs (as Next itself assumes).
    const load = createRequire(path.join(process.cwd(), "package.json"));
    const name = ["react-dom", "static"].join("/"); // not a literal, so the bundler leaves it to run time
    prerender = (load(name) as { prerenderToNodeStream: Prerender }).prerenderToNodeStream;
  }
  return prerender;
}

/** Loads the renderer now, so a missing or broken react-dom stops start-up instead of every page. */
export function checkServerRenderer(): void {
  fizz();
}

/** Renders server components (async ones included) to an HTML string; the first error rejects. */
export async function renderToHtml(node: ReactNode): Promise<string> {
  let failure: unknown;
  const { prelude } = await fizz()(node, {
    onError(error) {
      failure ??= error;
    },
  });
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  if (failure !== undefined) throw failure;
  return Buffer.concat(chunks).toString("utf8");
}
