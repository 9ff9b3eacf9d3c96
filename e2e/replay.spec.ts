// Every recorded request of every scenario, replayed against the running server: afterwards
// GET /api/share/:id/data must hold exactly what the real client's share server held.
import { expect, test } from "@playwright/test";
import { byKey, readMergedData, replay, SCENARIOS } from "./support/fixtures";

for (const scenario of SCENARIOS) {
  test(`replaying the ${scenario} recording round-trips every key through /data`, async ({ baseURL }) => {
    const share = await replay(baseURL!, scenario);
    expect(share.statuses[0]).toBe(201);
    expect(share.statuses.slice(1).every((s) => s === 200)).toBe(true);

    const res = await fetch(`${baseURL}/api/share/${share.id}/data`);
    expect(res.status).toBe(200);
    const data = await res.json();
    const keys = data.map((i: { type: string; data: Record<string, unknown> }) => [...byKey([i]).keys()][0]);
    expect(keys).toEqual([...keys].sort());

    const want = byKey(readMergedData(scenario));
    const have = byKey(data);
    expect([...have.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [key, item] of want) expect(have.get(key), key).toEqual(item);
  });
}
