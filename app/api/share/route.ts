// POST /api/share – create a share for an OpenCode session; answers {id, url, secret} once.
import { json, readJson, toErrorResponse, methodNotAllowed } from "@/lib/http/api";
import { createShareRequestSchema } from "@/lib/schema";
import { createShare } from "@/lib/shares/shares";
import { publicUrlFrom } from "@/lib/http/public-url";
import { clientIp } from "@/lib/http/client-ip";
import { enforceRateLimit } from "@/lib/shares/rate-limit";

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

const notAllowed = methodNotAllowed("POST");
export { notAllowed as GET, notAllowed as PUT, notAllowed as DELETE, notAllowed as PATCH };
