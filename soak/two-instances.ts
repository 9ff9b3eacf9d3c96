// Two Parley instances on one PostgreSQL database under sync load: nothing acknowledged is lost, no
// version is handed out twice (two clients on one share, one per instance, syncing at once), and an
// unshare on one instance is 410 on the other at the very next request, warm page cache or not.
import { startServer, type TestServer } from "../e2e/support/server";
import { createPgDatabase } from "./databases";
import { SyncClient, verifyAcked } from "./sync-clients";

const LIMITS = { PARLEY_RATE_CREATE: "100000/1m", PARLEY_RATE_LOOKUP: "100000/1m" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type TwoInstancesFigures = {
  seconds: number;
  syncs: number;
  failedSyncs: number;
  acked: number;
  lost: number;
  duplicateVersions: number;
  versionProblems: string[];
  unshare: Record<string, number>;
  problems: string[];
};

export async function runTwoInstances(options: { seconds?: number; clients?: number; log?: (line: string) => void } = {}): Promise<TwoInstancesFigures> {
  const log = options.log ?? (() => {});
  const db = await createPgDatabase("parley_two");
  const servers: TestServer[] = [];
  const problems: string[] = [];
  try {
    for (let i = 0; i < 2; i++) servers.push(await startServer({ env: { ...LIMITS, DATABASE_URL: db.url } }));
    const [a, b] = servers;
    // Ten clients syncing once a second, each sync to the other instance than the last.
    const clients = await Promise.all(Array.from({ length: options.clients ?? 10 }, (_, i) => SyncClient.create(servers[i % 2].baseURL, `two${i}`)));
    // Two writers of one share, one per instance, back to back: the race for the next version.
    const racerA = await SyncClient.create(a.baseURL, "raceA");
    const racerB = new SyncClient("raceB", racerA.share);
    racerB.sendsSession = false;
    const until = Date.now() + (options.seconds ?? 60) * 1000;
    await Promise.all([
      ...clients.map(async (c, i) => {
        for (let n = i; Date.now() < until; n++) {
          const started = Date.now();
          await c.sync(servers[n % 2].baseURL);
          await sleep(Math.max(0, 1000 - (Date.now() - started)));
        }
      }),
      ...[racerA, racerB].map(async (c, i) => {
        while (Date.now() < until) await c.sync(servers[i].baseURL);
      }),
      (async () => {
        // Readers on both instances meanwhile: pages and data of the racing share.
        for (let n = 0; Date.now() < until; n++) {
          const res = await fetch(`${servers[n % 2].baseURL}/s/${racerA.share.id}`);
          await res.arrayBuffer();
          if (res.status !== 200) problems.push(`page on instance ${n % 2}: ${res.status}`);
          await sleep(250);
        }
      })(),
    ]);
    const all = [...clients, racerA, racerB];
    let lost = 0;
    for (const c of all)
      for (const s of servers) {
        const v = await verifyAcked(s.baseURL, c);
        lost += v.missing.length + v.changed.length;
      }
    const raced = [...racerA.versions, ...racerB.versions];
    const duplicateVersions = raced.length - new Set(raced).size;

    // Unshare on A while B has the page warm in its cache; B's next requests must all be 410.
    const victim = clients[0];
    for (let i = 0; i < 3; i++) await (await fetch(`${b.baseURL}/s/${victim.share.id}`)).arrayBuffer();
    const del = await fetch(`${a.baseURL}/api/share/${victim.share.id}`, {
      method: "DELETE",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ secret: victim.share.secret }),
    });
    if (del.status !== 200) problems.push(`unshare on A: ${del.status}`);
    const unshare: Record<string, number> = {};
    for (const [name, req] of [
      ["page", () => fetch(`${b.baseURL}/s/${victim.share.id}`)],
      ["share page", () => fetch(`${b.baseURL}/share/${victim.share.id}`)],
      ["data", () => fetch(`${b.baseURL}/api/share/${victim.share.id}/data`)],
      ["card", () => fetch(`${b.baseURL}/s/${victim.share.id}/card.png`)],
      [
        "sync",
        () =>
          fetch(`${b.baseURL}/api/share/${victim.share.id}/sync`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ secret: victim.share.secret, data: victim.nextBatch() }),
          }),
      ],
    ] as const) {
      const res = await req();
      await res.arrayBuffer();
      unshare[name] = res.status;
      if (res.status !== 410) problems.push(`${name} on B after unshare on A: ${res.status}`);
    }
    const figures: TwoInstancesFigures = {
      seconds: options.seconds ?? 60,
      syncs: all.reduce((n, c) => n + c.attempts, 0),
      failedSyncs: all.reduce((n, c) => n + c.attempts - c.ok, 0),
      acked: all.reduce((n, c) => n + c.acked.size, 0),
      lost,
      duplicateVersions,
      versionProblems: all.flatMap((c) => c.versionProblems),
      unshare,
      problems,
    };
    log(
      `two instances: ${figures.syncs} syncs (${figures.failedSyncs} failed), ${figures.acked} acknowledged items checked on both, lost ${lost}, racing versions ${raced.length} with ${duplicateVersions} duplicates, unshare on A -> B ${JSON.stringify(unshare)}, problems ${problems.length}`,
    );
    return figures;
  } finally {
    for (const s of servers) await s.stop();
    await db.drop();
  }
}
