// `npm start` runs this (built to dist/demo.js) once the server answers: makes or finds the demo share
// when lib/ops/demo.ts allows it, and prints its URL.
import path from "node:path";
import { ensureDemoShare } from "../lib/ops/demo-share";
import { localServerUrl } from "../lib/ops/demo";
import { runtime } from "../lib/runtime";

async function main() {
  const { config } = runtime();
  const store = await runtime().store();
  try {
    // dist/demo.js: the project is one level up (the recorded tour lives in e2e/fixtures).
    const root = path.resolve(__dirname, "..");
    const demo = await ensureDemoShare({ config, store, root, localUrl: localServerUrl(config.HOST, config.PORT) });
    console.log(demo.url ? `parley: demo share: ${demo.url}` : `parley: no demo share (${demo.reason})`);
  } finally {
    await store.close();
  }
}

main().catch((err) => {
  console.error(`parley: demo share failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
