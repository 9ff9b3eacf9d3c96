// Measures the preview card route of a running Parley: cold (first fetch after a sync, i.e. a real
// render) and warm (repeat fetch of the same version, served from the in-memory cache).
//   npm run card:bench -- http://127.0.0.1:3000 [rounds]
// Times are wall-clock per HTTP request from this process, so they include the loopback round trip.
import { replay } from "../e2e/support/fixtures";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const rounds = Number(process.argv[3] ?? 8);

async function timed(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t = performance.now();
  const res = await fetch(url, { headers: { "user-agent": "Slack-ImgProxy" } });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { ms: performance.now() - t, bytes, status: res.status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs: number[]) => Math.max(...xs);

async function main() {
  const share = await replay(base, "tour");
  const card = `${base}/s/${share.id}/card.png`;
  const cold: number[] = [];
  const warm: number[] = [];
  const sizes = new Set<number>();
  for (let i = 0; i < rounds; i++) {
    // A sync bumps the version (and changes the title), so the next fetch must render.
    const title = `Tour of the greeter project, revision ${i + 1}`;
    const res = await fetch(`${base}/api/share/${share.id}/sync`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ secret: share.secret, data: [{ type: "session", data: { id: "ses_bench", title, time: { created: Date.now() } } }] }),
    });
    if (!res.ok) throw new Error(`sync failed: ${res.status}`);
    const first = await timed(card);
    if (first.status !== 200) throw new Error(`card answered ${first.status}`);
    cold.push(first.ms);
    sizes.add(first.bytes);
    for (let j = 0; j < 10; j++) warm.push((await timed(card)).ms);
  }
  console.log(`card route, ${rounds} versions of the tour share at ${base}`);
  console.log(`  cold (new version, rendered): median ${median(cold).toFixed(1)} ms, max ${max(cold).toFixed(1)} ms`);
  console.log(`  warm (same version, cached):  median ${median(warm).toFixed(1)} ms, max ${max(warm).toFixed(1)} ms (${warm.length} fetches)`);
  console.log(`  PNG sizes: ${[...sizes].sort((a, b) => a - b).join(", ")} bytes`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
