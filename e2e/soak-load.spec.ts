// A short version of the soak's load run (soak/load.ts): page viewers of every kind plus ten clients
// syncing once a second. Zero errors, zero dropped syncs, nothing acknowledged lost.
import { expect, test } from "@playwright/test";
import { runLoad } from "../soak/load";

test("20 page viewers and 10 syncing clients for 10 s: no errors, no dropped sync", async () => {
  test.setTimeout(180_000);
  const f = await runLoad({ seconds: 10, viewers: 20 });
  expect(f.problems).toEqual([]);
  expect(f.sync.dropped).toBe(0);
  expect(f.sync.lost).toBe(0);
  // Cold routes render each new version; on a loaded runner few finish in 10 s, so only the warm ones must.
  for (const [name, r] of Object.entries(f.routes)) if (name.includes("warm")) expect(r.requests, name).toBeGreaterThan(0);
});
