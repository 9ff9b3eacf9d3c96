// Where server-rendered HTML waits between the page (React Server Components) and server-side
// rendering of the same request: a process-wide map, shared through globalThis because Next bundles
// the two layers separately. No Node imports: the client component <HtmlIsland> imports this too
// (it only ever reads the map on the server).
export type ParkedHtml = { html: string; bytes: number; parkedAt: number; taken: boolean; onTaken: () => void };

const ISLANDS = Symbol.for("parley.htmlIslands");

export function parkedIslands(): Map<string, ParkedHtml> {
  const holder = globalThis as { [ISLANDS]?: Map<string, ParkedHtml> };
  return (holder[ISLANDS] ??= new Map());
}
