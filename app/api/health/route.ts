// GET /api/health – liveness plus a round trip to the store.
import { json } from "@/lib/http/api";
import { runtime } from "@/lib/runtime";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const store = await runtime().store();
    await store.getShare("health-check");
    return json({ ok: true, store: store.kind });
  } catch (err) {
    console.error("[parley] health check failed", err);
    return json({ ok: false, error: { code: "internal", message: "store unavailable" } }, 503);
  }
}
