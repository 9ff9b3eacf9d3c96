// POST /api/share – create a share for an OpenCode session; answers {id, url, secret} once.
import { json, readJson, toErrorResponse } from "@/lib/api";
import { createShareRequestSchema } from "@/lib/schema";
import { createShare } from "@/lib/shares";
import { publicUrlFrom } from "@/lib/public-url";
import { clientIp } from "@/lib/client-ip";
import { enforceRateLimit } from "@/lib/rate-limit";

export async function POST(req: Request) {
  try {
    const body = await readJson(req, createShareRequestSchema, { limit: 64 * 1024 });
    await enforceRateLimit("create", clientIp(req.headers));
    const share = await createShare((body.sessionID ?? body.sessionId)!, publicUrlFrom(req.headers));
    return json(share, 201);
  } catch (err) {
    return toErrorResponse(err);
  }
}
