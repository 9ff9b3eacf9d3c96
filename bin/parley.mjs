#!/usr/bin/env node
// The `parley` command: share Claude Code, Codex and OpenCode sessions to a Parley server. See cli/main.mjs.
import { ApiFailure } from "../cli/api.mjs";
import { UsageError } from "../cli/convert.mjs";
import { main } from "../cli/main.mjs";

const io = { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n") };
try {
  process.exitCode = await main(process.argv.slice(2), io);
} catch (err) {
  if (err instanceof UsageError || err instanceof ApiFailure || (err && err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")) {
    io.err(`parley: ${err.message}`);
    process.exitCode = err instanceof UsageError || err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? 2 : 1;
  } else {
    io.err(`parley: ${err?.stack ?? err}`);
    process.exitCode = 1;
  }
}
