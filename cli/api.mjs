// The public share API, spoken exactly as an OpenCode client speaks it: create, sync in batches,
// delete. Redaction, limits and validation happen on the server, as for every client.

export class ApiFailure extends Error {
  constructor(status, code, message) {
    super(status ? `${status} ${code}: ${message}` : message);
    this.status = status;
    this.code = code;
  }
}

// Well under the server's default 64 MiB body limit, so a long session is several ordinary syncs.
export const BATCH_BYTES = 8 * 1024 * 1024;

async function call(server, method, route, body) {
  let res;
  try {
    res = await fetch(`${server}${route}`, {
      method,
      headers: { "content-type": "application/json", "user-agent": "parley-cli" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiFailure(0, "unreachable", `cannot reach ${server} (${err.cause?.code ?? err.message})`);
  }
  const text = await res.text();
  let value;
  try {
    value = text ? JSON.parse(text) : {};
  } catch {
    value = undefined;
  }
  if (!res.ok) {
    const error = value?.error;
    throw new ApiFailure(res.status, error?.code ?? "http_error", error?.message ?? `${method} ${route} answered ${res.status}`);
  }
  if (value === undefined) throw new ApiFailure(res.status, "bad_json", `${method} ${route} did not answer JSON; is ${server} a Parley server?`);
  return value;
}

/** @returns {Promise<{id: string, url: string, secret: string}>} */
export function createShare(server, sessionID) {
  return call(server, "POST", "/api/share", { sessionID });
}

/** Items in batches of at most BATCH_BYTES; returns the totals of the server's answers. */
export async function syncItems(server, id, secret, items) {
  const totals = { stored: 0, rejected: [], redactions: 0, degraded: 0 };
  let batch = [];
  let bytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    const r = await call(server, "POST", `/api/share/${encodeURIComponent(id)}/sync`, { secret, data: batch });
    totals.stored += r.stored ?? 0;
    totals.rejected.push(...(r.rejected ?? []));
    totals.redactions += r.redactions ?? 0;
    totals.degraded += r.degraded?.length ?? 0;
    batch = [];
    bytes = 0;
  };
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item));
    if (bytes + size > BATCH_BYTES) await flush();
    batch.push(item);
    bytes += size;
  }
  await flush();
  return totals;
}

export function deleteShare(server, id, secret) {
  return call(server, "DELETE", `/api/share/${encodeURIComponent(id)}`, { secret });
}
