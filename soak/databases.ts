// Throwaway PostgreSQL databases on the server named by PARLEY_TEST_DATABASE_URL (CI starts one).
import pg from "pg";

export const ADMIN_URL = process.env.PARLEY_TEST_DATABASE_URL;

export type PgDatabase = {
  url: string;
  name: string;
  query: <T extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<T[]>;
  drop: () => Promise<void>;
};

export async function createPgDatabase(prefix: string, adminUrl = ADMIN_URL): Promise<PgDatabase> {
  if (!adminUrl) throw new Error("set PARLEY_TEST_DATABASE_URL to a PostgreSQL role that may create databases");
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    query: async (text, values) => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
