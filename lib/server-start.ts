// Server start-up, Node runtime only (instrumentation.ts imports it behind the NEXT_RUNTIME check, so
// the Edge compilation never sees process.exit). A bad configuration stops Parley here with a
// readable message, before any request is served.
import { getConfig } from "./config";

export async function onServerStart(): Promise<void> {
  try {
    getConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  try {
    (await import("./render/html")).checkServerRenderer();
  } catch (err) {
    console.error(`Cannot load React's server renderer (react-dom/static) from ${process.cwd()}: start Parley from its own directory after \`npm ci\`.`, err);
    process.exit(1);
  }
  const { getStore } = await import("./store");
  await getStore();
  // Stamp each request with its socket address (for rate limits) and start the expiry sweep.
  const { stampPeerAddress, startSweep } = await import("./shares/lifecycle");
  stampPeerAddress();
  startSweep();
  // Not awaited: serving starts at once; the first preview card then skips the WebAssembly start-up.
  void import("./og/warm").then((m) => m.warmCardEngine()).catch((err) => console.error("card engine warm-up failed:", err));
}
