// Starts next/og's WebAssembly (yoga, resvg) at server start instead of on the first unfurl. next/og's
// engine is an external module shared by every server bundle, so warming it here helps the card route;
// the route still parses its own fonts on its first render.
import { ImageResponse } from "next/og";
import { createElement } from "react";

export async function warmCardEngine(): Promise<void> {
  const tiny = createElement("div", { style: { display: "flex", width: 8, height: 8, background: "#000" } });
  await new ImageResponse(tiny, { width: 8, height: 8 }).arrayBuffer();
}
