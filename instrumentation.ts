// Runs once when the server starts; everything it does lives in lib/server-start.ts (Node only).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("./lib/server-start");
    await onServerStart();
  }
}
