// npm run soak [-- crash fuzz faults two load heap memory] – the heavy version of the durability tests, printing
// the figures of issue 13. Needs `npm run build` first, PARLEY_TEST_DATABASE_URL for PostgreSQL, and
// root for the private PostgreSQL cluster and the tmpfs. Figures also go to soak/results/latest.json.
import fs from "node:fs";
import path from "node:path";
import { runCrash } from "./crash";
import { runFuzz } from "./fuzz";
import { startServer } from "../e2e/support/server";
import { FUZZ_ENV } from "./fuzz-env";
import pkg from "../package.json";

const args = process.argv.slice(2);
const want = (name: string) => args.length === 0 || args.includes(name);
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const results: Record<string, unknown> = {};
const log = (line: string) => console.log(`[soak] ${line}`);
const save = () => {
  const file = path.join(__dirname, "results", `latest${args.length ? `-${args.join("-")}` : ""}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
};

async function main() {
  if (want("crash")) {
    for (const store of ["sqlite", "postgres"] as const) {
      if (store === "postgres" && !process.env.PARLEY_TEST_DATABASE_URL) {
        log("crash postgres skipped: PARLEY_TEST_DATABASE_URL is not set");
        continue;
      }
      const f = await runCrash({ store, cycles: num("SOAK_CRASH_CYCLES", 20), log });
      results[`crash-${store}`] = f;
      log(
        `crash ${store}: ${f.cycles} kill -9 cycles survived; ${f.syncsAcked} syncs acknowledged, ${f.syncsFailed} failed in flight; ${f.itemsChecked} item checks; lost ${f.lost.length}, changed ${f.changed.length}, integrity_check ${store !== "sqlite" ? "n/a" : f.integrity.length ? f.integrity.join(", ") : "ok every cycle"}, version problems ${f.versionProblems.length}; restart mean ${f.restartMs.mean} ms, max ${f.restartMs.max} ms`,
      );
      save();
    }
  }
  if (want("fuzz")) {
    const server = await startServer({ env: FUZZ_ENV });
    try {
      const f = await runFuzz({
        baseURL: server.baseURL,
        seed: num("SOAK_FUZZ_SEED", 13),
        requests: num("SOAK_FUZZ_REQUESTS", 100_000),
        concurrency: num("SOAK_FUZZ_CONCURRENCY", 8),
        onProgress: (done, fig) => {
          if (done % 5000 === 0) log(`fuzz: ${done} requests, ${fig.failures.length} failures, ${JSON.stringify(fig.byStatus)}`);
          results.fuzz = { ...fig, alive: server.process.exitCode === null };
          if (done % 5000 === 0) save();
        },
      });
      const alive = server.process.exitCode === null && (await fetch(`${server.baseURL}/api/health`)).ok;
      results.fuzz = { ...f, alive };
      log(
        `fuzz: ${f.requests} requests in ${f.seconds} s; statuses ${JSON.stringify(f.byStatus)}; no answer ${f.noAnswer} (unfinished bodies); Node parser answers ${f.parserAnswers}; rejected-but-changed ${f.changedByRejected}; malformed-escape paths ${f.malformedPaths.requests} (${f.malformedPaths.fiveHundreds} answered 500 by Next); failures ${f.failures.length}; server alive ${alive}`,
      );
      for (const line of f.failures.slice(0, 30)) log(`  fuzz failure: ${line}`);
    } finally {
      await server.stop();
    }
    save();
  }
  if (want("faults")) {
    const { runPgRestart, runSqliteFull, runSqliteBusy } = await import("./db-faults");
    results.pgRestart = await runPgRestart({ log });
    results.sqliteFull = await runSqliteFull({ log });
    results.sqliteBusy = await runSqliteBusy({ log });
    save();
  }
  if (want("two")) {
    const { runTwoInstances } = await import("./two-instances");
    results.twoInstances = await runTwoInstances({ seconds: num("SOAK_TWO_SECONDS", 60), log });
    save();
  }
  if (want("load")) {
    const { runLoad } = await import("./load");
    // SOAK_LOAD_NODE_ARGS: flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const nodeArgs = process.env.SOAK_LOAD_NODE_ARGS?.split(" ").filter(Boolean);
    results.load = await runLoad({ seconds: num("SOAK_LOAD_SECONDS", 60), nodeArgs, log });
    save();
  }
  if (want("heap")) {
    // The same bench-like work with and without a V8 heap cap (SOAK_HEAP_CAP, MiB).
    const { runMemoryProbe } = await import("./memory");
    const cap = num("SOAK_HEAP_CAP", 256);
    const free = await runMemoryProbe({ log });
    const capped = await runMemoryProbe({ nodeOptions: `--max-old-space-size=${cap}`, log });
    results.heap = { uncapped: free, capped };
    for (const f of [free, capped]) {
      log(
        `heap: ${f.nodeOptions ?? "no cap"}: ${f.shares} shares of ${f.messages} messages, RSS after each ${f.rssAfterEachMiB.join(", ")} MiB, peak ${f.peakMiB} MiB, at the end ${JSON.stringify(f.end)}, cold view ${f.coldMs.join(", ")} ms, errors ${f.errors.length}`,
      );
    }
    save();
  }
  if (want("memory")) {
    // Steady state: a long, lighter load (SOAK_MEMORY_SECONDS, default 10 minutes), RSS sampled each
    // second. Growth is the change of the per-minute median over the second half.
    const { runLoad } = await import("./load");
    // By default the server runs as `npm start` and deploy/parley.service run it: with package.json's heap
    // cap. SOAK_MEMORY_NODE_OPTIONS="" runs it uncapped.
    const nodeOptions = process.env.SOAK_MEMORY_NODE_OPTIONS ?? `--max-old-space-size=${pkg.config.heapMiB}`;
    const f = await runLoad({
      seconds: num("SOAK_MEMORY_SECONDS", 600),
      viewers: num("SOAK_MEMORY_VIEWERS", 30),
      env: nodeOptions ? { NODE_OPTIONS: nodeOptions } : {},
      log,
    });
    const perMinute: number[] = [];
    for (let i = 0; i < f.rss.samples.length; i += 60) {
      const minute = [...f.rss.samples.slice(i, i + 60)].sort((a, b) => a - b);
      perMinute.push(minute[Math.floor(minute.length / 2)]);
    }
    const half = perMinute.slice(Math.floor(perMinute.length / 2));
    const growth = half.length > 1 ? half[half.length - 1] - half[0] : 0;
    results.memory = {
      nodeOptions: nodeOptions || null,
      peakMiB: f.rss.peakMiB,
      perMinuteMedianMiB: perMinute,
      secondHalfGrowthMiB: growth,
      problems: f.problems,
      routes: f.routes,
      sync: f.sync,
    };
    log(
      `memory: RSS per-minute median ${perMinute.join(", ")} MiB; growth over the second half ${growth} MiB; peak ${f.rss.peakMiB} MiB; problems ${f.problems.length}`,
    );
    save();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
