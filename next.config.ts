import type { NextConfig } from "next";
import { NOINDEX as NOINDEX_VALUE } from "./lib/http/security-headers";

const NOINDEX = { key: "X-Robots-Tag", value: NOINDEX_VALUE };

const nextConfig: NextConfig = {
  // Native and driver packages stay outside the bundle and load from node_modules at run time; pino
  // and prom-client too, so every route bundle and server.ts share one logger setup and one registry.
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "kysely",
    "pino",
    "prom-client",
    "@secretlint/core",
    "@secretlint/profiler",
    "@secretlint/secretlint-rule-preset-recommend",
  ],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/s/:path*", headers: [NOINDEX] },
      { source: "/share/:path*", headers: [NOINDEX] },
      { source: "/api/share/:path*", headers: [NOINDEX] },
    ];
  },
};

export default nextConfig;
