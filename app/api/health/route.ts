// GET /api/health – liveness plus a round trip to the store; 503 (JSON) while the database is down.
import { ERROR_STATUS, json, methodNotAllowed, toErrorResponse } from "@/lib/http/api";
import { runtime } from "@/lib/runtime";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const store = await runtime().store();
    await store.getShare("health-check");
    return json({ ok: true, store: store.kind });
  } catch (err) {
    const res = toErrorResponse(err);
    // A load balancer reads any failure here as "take me out": never 500, always 503 or 507.
    if (res.status !== ERROR_STATUS.internal) return res;
    return json({ ok: false, error: { code: "unavailable", message: "store unavailable" } }, ERROR_STATUS.unavailable);
  }
}

const notAllowed = methodNotAllowed("GET", "HEAD");
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE, notAllowed as PATCH };
