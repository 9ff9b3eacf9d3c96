#!/usr/bin/env node
// Builds what runs outside Next's bundles: Parley's server (server.ts and the lib/ and components/
// code it reaches, one CommonJS file; packages stay in node_modules) and the share page's script.
// esbuild rather than tsc because the code uses the `@/` path alias, which tsc does not rewrite; tsc
// still type-checks everything (npm run typecheck).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// `import "server-only"` guards Next's client bundles; this whole bundle is server code.
const serverOnly = {
  name: "server-only",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "" }));
  },
};

await Promise.all([
  // The server, the preview cards' render thread (lib/og/card-worker.ts), and the operator commands (npm run backup|migrate|admin) and npm start's demo share,
  // compiled alike so that a production install (no dev dependencies, no tsx) runs them.
  build({
    absWorkingDir: root,
    entryPoints: {
      server: "server.ts",
      "card-worker": "lib/og/card-worker.ts",
      backup: "scripts/backup.ts",
      migrate: "scripts/migrate.ts",
      admin: "scripts/admin.ts",
      demo: "scripts/demo.ts",
    },
    outdir: "dist",
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    jsx: "automatic",
    sourcemap: true,
    plugins: [serverOnly],
    logLevel: "warning",
  }),
  build({
    absWorkingDir: root,
    entryPoints: ["components/client/viewer.ts"],
    outfile: "dist/viewer.js",
    bundle: true,
    platform: "browser",
    target: "es2020",
    format: "iife",
    minify: true,
    logLevel: "warning",
  }),
]);
console.log("parley: built dist/server.js, dist/card-worker.js, dist/viewer.js and the operator commands (dist/backup.js, migrate.js, admin.js, demo.js)");
