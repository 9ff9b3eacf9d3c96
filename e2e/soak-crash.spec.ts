// The short version of `npm run soak`'s crash run (soak/crash.ts): kill -9 the server while four
// clients sync, restart it on the same database, and every acknowledged item is there byte for
// byte, SQLite's integrity check is ok, and no share's version went backwards.
import { expect, test } from "@playwright/test";
import { runCrash } from "../soak/crash";

test.describe.configure({ mode: "parallel" });

for (const store of ["sqlite", "postgres"] as const) {
  test(`kill -9 three times while four clients sync (${store}): nothing acknowledged is lost`, async () => {
    test.skip(store === "postgres" && !process.env.PARLEY_TEST_DATABASE_URL && !process.env.CI, "set PARLEY_TEST_DATABASE_URL to run against PostgreSQL");
    test.setTimeout(120_000);
    const f = await runCrash({ store, cycles: 3 });
    expect(f.cycles).toBe(3);
    expect(f.syncsAcked).toBeGreaterThanOrEqual(12);
    expect(f.lost).toEqual([]);
    expect(f.changed).toEqual([]);
    expect(f.integrity).toEqual([]);
    expect(f.versionProblems).toEqual([]);
  });
}
