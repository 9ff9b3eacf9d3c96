// Where server-rendered HTML waits between the page (React Server Components) and server-side
// rendering of the same request: one per process, shared through globalThis because Next bundles
// the two layers separately. No Node imports: the client component <HtmlIsland> imports this too
// (it only ever reads it on the server).
export type ParkedHtml = { html: string; bytes: number; taken: boolean; onTaken: () => void };
export type Parked = { entries: Map<string, ParkedHtml>; bytes: number };

const ISLANDS = Symbol.for("parley.htmlIslands");

export function parked(): Parked {
  const holder = globalThis as { [ISLANDS]?: Parked };
  return (holder[ISLANDS] ??= { entries: new Map(), bytes: 0 });
}

export function parkedIslands(): Map<string, ParkedHtml> {
  return parked().entries;
}
