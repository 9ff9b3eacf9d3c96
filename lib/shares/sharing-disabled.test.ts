// PARLEY_SHARING=disabled: create answers 403 with the operator's message and stores nothing;
// a share that existed before stays readable. PARLEY_DEFAULT_TTL gives new shares an expiry.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-off-"));
Object.assign(process.env, { PARLEY_DATA_DIR: dir, PARLEY_SHARING: "disabled", PARLEY_RATE_CREATE: "off" });

const { POST } = await import("@/app/api/share/route");
const { runtime } = await import("../runtime");
const getStore = () => runtime().store();
const { getShareData } = await import("./shares");

describe("sharing disabled", () => {
  it("refuses to create with 403 and keeps existing shares viewable", async () => {
    const store = await getStore();
    await store.createShare({ id: "existing", sessionId: "ses_x", secretHash: "ab".repeat(32), createdAt: 1, expiresAt: null });
    await store.upsertItems("existing", [{ key: "session", type: "session", json: '{"type":"session","data":{"id":"ses_x","time":{"created":1}}}' }], {
      now: 2,
      maxShareBytes: 1 << 20,
    });
    const res = await POST(
      new Request("http://localhost/api/share", {
        method: "POST",
        headers: { "content-type": "application/json", "x-parley-client": "127.0.0.1" },
        body: JSON.stringify({ sessionID: "ses_new" }),
      }),
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error).toEqual({ code: "sharing_disabled", message: "Sharing is disabled on this server" });
    expect(await getShareData("existing")).toHaveLength(1);
  });
});
