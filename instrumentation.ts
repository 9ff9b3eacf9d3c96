// Runs once when the server starts: a bad configuration stops Parley here with a readable message,
// before any request is served. Then: stamp each request with its socket address (for rate limits)
// and start the expiry sweep.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig } = await import("./lib/config");
  try {
    getConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const { getStore } = await import("./lib/store");
  await getStore();
  const { stampPeerAddress, startSweep } = await import("./lib/lifecycle");
  stampPeerAddress();
  startSweep();
  // Not awaited: serving starts at once; the first preview card then skips the WebAssembly start-up.
  void import("./lib/og/warm").then((m) => m.warmCardEngine()).catch((err) => console.error("card engine warm-up failed:", err));
}
