import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // "server-only" throws outside a React Server Components build; tests run server code only.
  resolve: { alias: { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "node_modules/server-only/empty.js") } },
  test: {
    include: ["lib/**/*.test.ts", "lib/**/*.test.tsx", "components/**/*.test.ts", "components/**/*.test.tsx", "scripts/**/*.test.ts", "cli/**/*.test.mjs"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
