// Server components -> an HTML string, with React's own server renderer (react-dom/static). The share
// page is rendered by Parley's server (server.ts), outside Next's bundles, as plain HTML that is never
// hydrated: so what is rendered here must stay plain server components (no hooks, no context, no
// "use client" module; components/conversation/static-body.test.ts checks the last).
import type { ReactNode } from "react";
import { prerenderToNodeStream } from "react-dom/static";

/** Marks markup that stands in for a part that failed to render (such pages are not cached). */
export const RENDER_FAILED_ATTR = "data-render-failed";

/** Renders server components (async ones included) to an HTML string; the first error rejects. */
export async function renderToHtml(node: ReactNode): Promise<string> {
  let failure: unknown;
  const { prelude } = await prerenderToNodeStream(node, {
    onError(error) {
      failure ??= error;
    },
  });
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  if (failure !== undefined) throw failure;
  return Buffer.concat(chunks).toString("utf8");
}
