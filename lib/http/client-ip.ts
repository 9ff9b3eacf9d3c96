// Which client a request comes from, for rate limits (and ingest ranges). Parley's own server
// (server.ts) is the one place that sees the socket: it works out the client address once with
// clientAddress() and hands it to every handler in CLIENT_HEADER, overwriting anything the client
// sent. X-Forwarded-For is believed only when the operator says a proxy sits in front
// (PARLEY_TRUST_PROXY), because any client can send one.
import net from "node:net";

export const CLIENT_HEADER = "x-parley-client";

/** The client's address: the socket's, or with `hops` trusted proxies the entry `hops` from the right of X-Forwarded-For. */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  if (hops > 0) {
    // Each trusted proxy appends the address it saw; the entry `hops` from the right is the client.
    // A shorter chain means fewer proxies than configured: its first entry is the best guess, and
    // far better than the proxy's own address, which would put every client in one bucket.
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
    const chain = header
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const entry = chain.length >= hops ? chain[chain.length - hops] : chain[0];
    if (entry && net.isIP(entry.replace(/^\[|\]$/g, "").replace(/%.*$/, ""))) return entry;
  }
  return socketAddress ?? "unknown";
}

/**
 * The rate-limit key of the request's client, from the address server.ts stamped. A request without
 * it did not come through Parley's server (e.g. `next start` run by hand): refuse to guess, since
 * every such client would share one bucket.
 */
export function clientIp(headers: Headers): string {
  const address = headers.get(CLIENT_HEADER);
  if (!address) throw new Error(`no ${CLIENT_HEADER} header: start Parley with its own server (npm start), not next start`);
  return limitKey(address);
}

/** IPv6 clients are limited per /64: one host usually holds the whole /64, and 2^64 buckets is no limit. */
export function limitKey(address: string): string {
  const ip = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!net.isIPv6(ip)) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  const [head, tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = ip.includes("::") && tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
