// PARLEY_DEFAULT_TTL gives every new share an expiry; the sweep deletes it once passed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";

Object.assign(process.env, { PARLEY_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "parley-ttl-")), PARLEY_DEFAULT_TTL: "30d" });
const { createShare, getShareState, sweepExpired } = await import("./shares");
const { runtime } = await import("../runtime");
const getStore = () => runtime().store();

it("new shares expire after the default TTL and the sweep deletes them after that", async () => {
  const before = Date.now();
  const share = await createShare("ses_ttl", "http://localhost");
  const stored = await (await getStore()).getShare(share.id);
  expect(stored!.expiresAt! - before).toBeGreaterThanOrEqual(30 * 86_400_000);
  expect(stored!.expiresAt! - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);
  expect(await sweepExpired(Date.now())).toBe(0);
  const later = stored!.expiresAt! + 1;
  expect((await getShareState(share.id, later)).status).toBe("gone");
  expect(await sweepExpired(later)).toBe(1);
  expect(await (await getStore()).listItems(share.id)).toEqual([]);
});
