// Turns as the server renders them, from the fragments route (lib/live/fragments.ts): live follow
// (./live-follow.ts) patches in the turns a sync changed, late highlighting (./late-highlight.ts) the
// colours of turns the page carries without them.

export type Fragments = { version: number; order: string[]; turns: { id: string; html: string }[]; files: string | null; header: string | null };

/** The fragments of `turns` (every turn when null), or why not: a status code, or null for a failed fetch. */
export async function fetchFragments(share: string, turns: string[] | null): Promise<Fragments | number | null> {
  const query = turns ? `?turns=${turns.map(encodeURIComponent).join(",")}` : "";
  try {
    const res = await fetch(`/s/${encodeURIComponent(share)}/fragments${query}`, { cache: "no-store", headers: { accept: "application/json" } });
    return res.ok ? ((await res.json()) as Fragments) : res.status;
  } catch {
    return null;
  }
}

export function element(html: string): Element | null {
  const t = document.createElement("template");
  t.innerHTML = html;
  return t.content.firstElementChild;
}

export const turnSection = (id: string) => document.getElementById(`turn-${id}`)?.closest("section") ?? null;
