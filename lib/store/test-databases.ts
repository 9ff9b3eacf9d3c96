// Throwaway databases for the store contract suite: a temp SQLite file, and a fresh PostgreSQL
// database on the server named by PARLEY_TEST_DATABASE_URL (CI starts one; see .ci/run).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openPostgresStore } from "./postgres";
import { openSqliteStore } from "./sqlite";
import type { Store } from "./types";

export type TestDatabase = { store: Store; reopen: () => Promise<Store>; drop: () => Promise<void>; file?: string; name?: string };

export async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-store-"));
  const file = path.join(dir, "parley.db");
  const store = await openSqliteStore(file);
  return {
    store,
    file,
    reopen: () => openSqliteStore(file),
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export const postgresTestUrl = process.env.PARLEY_TEST_DATABASE_URL;

export async function createPostgresTestDatabase(): Promise<TestDatabase> {
  if (!postgresTestUrl) throw new Error("PARLEY_TEST_DATABASE_URL is not set");
  const name = `parley_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresTestUrl);
  url.pathname = `/${name}`;
  const store = await openPostgresStore(url.toString());
  return {
    store,
    name,
    reopen: () => openPostgresStore(url.toString()),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresTestUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
