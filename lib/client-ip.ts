// Which client a request comes from, for rate limits. The socket address is stamped on every request
// by instrumentation.ts (Next does not expose it to handlers); X-Forwarded-For is believed only when
// the operator says a proxy sits in front (PARLEY_TRUST_PROXY), because any client can send one.
import { getConfig } from "./config";

export const PEER_HEADER = "x-parley-peer";

export function clientIp(headers: Headers): string {
  const hops = getConfig().PARLEY_TRUST_PROXY;
  if (hops > 0) {
    // Each trusted proxy appends the address it saw; the entry `hops` from the right is the client.
    const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const entry = chain[chain.length - hops];
    if (entry) return entry;
  }
  return headers.get(PEER_HEADER) ?? "unknown";
}
