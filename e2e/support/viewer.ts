// Helpers for viewer specs: replay a recorded scenario once per worker, and seed synthetic shares
// through the public API for part and tool types the recordings do not contain.
import type { Page } from "@playwright/test";
import { replay, type Scenario } from "./fixtures";

const shares = new Map<string, Promise<string>>();

/** The share id of a replayed scenario (replayed once per worker and reused). */
export function shareFor(baseURL: string, scenario: Scenario): Promise<string> {
  const key = `${baseURL}:${scenario}`;
  if (!shares.has(key))
    shares.set(
      key,
      replay(baseURL, scenario).then((s) => s.id),
    );
  return shares.get(key)!;
}

export type Item = { type: string; data: Record<string, unknown> | unknown[] };

/** A completed tool state, as OpenCode sends it (3.5 s long, so the page shows its duration). */
export const done = (input: Record<string, unknown>, output: string, metadata: Record<string, unknown> = {}) => ({
  status: "completed",
  input,
  output,
  title: "",
  metadata,
  time: { start: 1, end: 3500 },
});

/** Creates a share and syncs `items` into it; returns its id. */
export async function seed(baseURL: string, items: Item[]): Promise<string> {
  const created = await fetch(`${baseURL}/api/share`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sessionID: "ses_synthetic" }),
  });
  const share = (await created.json()) as { id: string; secret: string };
  const res = await fetch(`${baseURL}/api/share/${share.id}/sync`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ secret: share.secret, data: items }),
  });
  const body = await res.json();
  if (res.status !== 200 || body.rejected?.length) throw new Error(`seed failed: ${res.status} ${JSON.stringify(body)}`);
  return share.id;
}

/** Collects console errors, page errors and React hydration warnings while a page is used. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || /hydrat/i.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  return problems;
}

/** A highlighted token: one class when its light and dark colours share an index, else two (lib/render/token-colors.ts). */
export const TOKEN = "span[class^='t'], span[class^='l'][class*=' d']";
