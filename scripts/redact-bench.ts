// npx tsx scripts/redact-bench.ts – time redactItems over the recorded sessions (median of 15 runs
// after 3 warm-up runs). A benchmark, not a test: it prints one line per fixture.
// REDACT_MODULE=<path> times another copy of lib/redact (to compare before and after a change).
import fs from "node:fs";
import path from "node:path";

async function main() {
  const target = path.resolve(process.env.REDACT_MODULE ?? path.join(__dirname, "..", "lib", "redact"));
  const { redactItems } = (await import(path.join(target, "index.ts"))) as typeof import("../lib/redact");
  for (const scenario of ["tour", "attachment", "aborted"]) {
    const data = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "e2e", "fixtures", scenario, "share-data.json"), "utf8"));
    const mb = Buffer.byteLength(JSON.stringify(data)) / 1e6;
    for (let i = 0; i < 3; i++) await redactItems(data);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      await redactItems(data);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)];
    console.log(`${scenario.padEnd(10)} ${mb.toFixed(2)} MB  p50 ${p50.toFixed(1)} ms  min ${times[0].toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms`);
  }
  // The worst case a text attachment can cost: just under the 4 MiB scanning cap of ordinary text.
  const tour = fs.readFileSync(path.join(__dirname, "..", "e2e", "fixtures", "tour", "share-data.json"), "utf8");
  const text = tour.repeat(Math.floor((4 * 1024 * 1024 - 1) / Buffer.byteLength(tour)));
  const item = { type: "part", data: { type: "file", mime: "text/plain", url: `data:text/plain;base64,${Buffer.from(text).toString("base64")}` } };
  const t = performance.now();
  const { redactions } = await redactItems([item]);
  console.log(`text 4 MiB ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB  ${(performance.now() - t).toFixed(1)} ms (${redactions} redactions)`);
}
main();
