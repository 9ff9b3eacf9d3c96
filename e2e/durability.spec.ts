// Accepted writes survive a crash: kill -9 the server right after a sync answers, restart it on the
// same SQLite file, and every acknowledged item is still there.
import { expect, test } from "@playwright/test";
import { byKey, readMergedData, replay } from "./support/fixtures";
import { startServer } from "./support/server";

test("every acknowledged sync survives kill -9 of the server", async () => {
  const first = await startServer();
  let share: Awaited<ReturnType<typeof replay>>;
  try {
    share = await replay(first.baseURL, "tour");
    expect(share.statuses.every((s) => s < 300)).toBe(true);
  } finally {
    await first.kill9();
  }
  expect(first.process.signalCode).toBe("SIGKILL");

  const second = await startServer({ dataDir: first.dataDir });
  try {
    const res = await fetch(`${second.baseURL}/api/share/${share.id}/data`);
    expect(res.status).toBe(200);
    const have = byKey(await res.json());
    const want = byKey(readMergedData("tour"));
    expect(have.size).toBe(want.size);
    for (const [key, item] of want) expect(have.get(key), key).toEqual(item);
  } finally {
    await second.stop();
  }
});
