// Which client a request comes from, for rate limits. The socket address is stamped on every request
// by instrumentation.ts (Next does not expose it to handlers); X-Forwarded-For is believed only when
// the operator says a proxy sits in front (PARLEY_TRUST_PROXY), because any client can send one.
import net from "node:net";
import { getConfig } from "../config";

export const PEER_HEADER = "x-parley-peer";

export function clientIp(headers: Headers, hops = getConfig().PARLEY_TRUST_PROXY): string {
  if (hops > 0) {
    // Each trusted proxy appends the address it saw; the entry `hops` from the right is the client.
    // A shorter chain means fewer proxies than configured: its first entry is the best guess, and
    // far better than the proxy's own address, which would put every client in one bucket.
    const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const entry = chain.length >= hops ? chain[chain.length - hops] : chain[0];
    if (entry) return limitKey(entry);
  }
  return limitKey(headers.get(PEER_HEADER) ?? "unknown");
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
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}
