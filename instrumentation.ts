// Runs once when Next starts inside Parley's server (server.ts): warms the preview card's engine.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Not awaited: serving starts at once; the first preview card then skips the WebAssembly start-up.
    void import("./lib/og/warm").then((m) => m.warmCardEngine()).catch((err) => console.error("card engine warm-up failed:", err));
  }
}
