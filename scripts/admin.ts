// `npm run admin -- list|show <id>|unshare <id>|purge-expired|stats`: operator commands on the database
// the environment configures (the same variables as the server). See lib/ops/admin.ts.
import { parseConfig } from "../lib/config";
import { listShares, printStats, purgeExpired, showShare, unshareShare } from "../lib/ops/admin";
import { runtime } from "../lib/runtime";

const USAGE = "usage: npm run admin -- list | show <id> | unshare <id> | purge-expired | stats";
const print = (line: string) => console.log(line);

async function run(args: string[]): Promise<number> {
  const [command, id] = args;
  const needsId = command === "show" || command === "unshare";
  if (needsId && !id) {
    console.error(USAGE);
    return 64;
  }
  switch (command) {
    case "list":
      await listShares(print);
      return 0;
    case "show":
      if (await showShare(id, print)) return 0;
      console.error(`no share with id ${id}`);
      return 2;
    case "unshare": {
      const result = await unshareShare(id, print);
      if (result.message) console.error(result.message);
      return result.code;
    }
    case "purge-expired":
      await purgeExpired(print);
      return 0;
    case "stats":
      await printStats(print);
      return 0;
    default:
      console.error(USAGE);
      return 64;
  }
}

async function main() {
  // The command prints its own results; the service's info lines (share unshared, ...) would only
  // repeat them. PARLEY_LOG_LEVEL still wins when set.
  process.env.PARLEY_LOG_LEVEL ||= "warn";
  parseConfig(process.env); // a bad variable is reported before anything is opened
  const code = await run(process.argv.slice(2));
  await (await runtime().store()).close();
  process.exit(code);
}

main().catch((err) => {
  console.error(`parley: admin failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
