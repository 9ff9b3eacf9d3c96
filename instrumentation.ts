// Runs once when the server starts: a bad configuration stops Parley here with a readable message,
// before any request is served.
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
  // Not awaited: startup does not wait for it, the first preview card does not pay for it.
  void import("./lib/og/card-cache").then((m) => m.warmCardRenderer()).catch((err) => console.error("card warm-up failed:", err));
}
