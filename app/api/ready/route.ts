// GET /api/ready – readiness: 200 once the database answers a query, 503 while it does not (a load
// balancer stops sending traffic, a deploy waits). /api/health stays the liveness check.
import { json } from "@/lib/http/api";
import { getLogger } from "@/lib/ops/logger";
import { runtime } from "@/lib/runtime";

export const dynamic = "force-dynamic";

// A database that is not refusing but not answering (a network partition) must not hang the probe.
const TIMEOUT_MS = 3000;

export async function GET() {
  let timer: NodeJS.Timeout | undefined;
  try {
    const check = (async () => {
      const store = await runtime().store();
      await store.getShare("ready-check");
      return store.kind;
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    const store = await Promise.race([check, timeout]);
    return json({ ok: true, store });
  } catch (err) {
    getLogger().warn({ err: err instanceof Error ? err.message : String(err) }, "not ready: database unreachable");
    return json({ error: { code: "not_ready", message: "The database is unreachable" } }, 503);
  } finally {
    clearTimeout(timer);
  }
}
