// The background sweep: deletes the data of expired shares (their pages answer 410 from the moment
// they expire already) and prunes refilled rate buckets. Started once by server.ts.
import "server-only";
import { pruneRateLimits } from "./rate-limit";
import { sweepExpired } from "./shares";

/** One pass; returns how many shares' data it deleted. */
export async function runSweep(now = Date.now()): Promise<number> {
  const swept = await sweepExpired(now);
  await pruneRateLimits(now);
  if (swept > 0) console.log(`[parley] expiry sweep deleted ${swept} share(s)`);
  return swept;
}

/** Runs the sweep now and every `intervalMs`; returns a function that stops it. */
export function startSweep(intervalMs: number): () => void {
  const run = () => runSweep().catch((err) => console.error("[parley] expiry sweep failed", err));
  const timer = setInterval(run, intervalMs);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
