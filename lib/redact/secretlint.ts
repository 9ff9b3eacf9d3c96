// secretlint's recommended preset, the maintained rule set, run over one string at a time.
// Version 11.7.1 is pinned: 12.1+ needs Node 22. The preset reports ranges; we map its message ids to
// our `[REDACTED:<kind>]` kinds and ignore reports that are not credentials (AWS account ids).
import type { lintSource as LintSource } from "@secretlint/core";

type SecretLintConfig = Parameters<typeof LintSource>[0]["options"]["config"];

const KINDS: Record<string, string> = {
  ANTHROPIC_API_KEY: "anthropic-api-key",
  AWSAccessKeyID: "aws-access-key-id",
  AWSSecretAccessKey: "aws-secret-key",
  BasicAuth: "basic-auth",
  GITHUB_TOKEN: "github-token",
  IncomingWebhook: "slack-webhook",
  LINEAR_API_TOKEN: "linear-token",
  MongoDBConnection: "url-password",
  MySQLConnection: "url-password",
  PostgreSQLConnection: "url-password",
  NPM_ACCESS_TOKEN: "npm-token",
  Npmrc_authToken: "npm-token",
  OPENAI_TOKEN: "openai-api-key",
  OPS_TOKEN: "1password-token",
  PackageJSON_xOauthToken: "oauth-token",
  PrivateKey: "private-key",
  PrivateKeyJSON: "private-key",
  SENDGRID_KEY: "sendgrid-key",
  SHOPIFY_KEY: "shopify-key",
  SLACK_TOKEN: "slack-token",
};

export type Finding = { start: number; end: number; kind: string };
type Lint = (content: string) => Promise<Finding[]>;

let linter: Promise<Lint> | undefined;

// secretlint's core records a performance mark for every step of every lint into a process-wide
// profiler that never forgets them (and searches them linearly on each new mark). In a server that
// lints every synced string that is an unbounded leak and a quadratic slowdown, so its `mark` is
// switched off: nothing is recorded at all.
function silence(profiler: { mark: (...args: never[]) => void }): void {
  profiler.mark = () => {};
}

async function load(): Promise<Lint> {
  const [{ lintSource }, { creator }, { secretLintProfiler }] = await Promise.all([
    import("@secretlint/core"),
    import("@secretlint/secretlint-rule-preset-recommend"),
    import("@secretlint/profiler"),
  ]);
  silence(secretLintProfiler);
  const config: SecretLintConfig = { rules: [{ id: creator.meta.id, rule: creator }] };
  return async (content) => {
    const result = await lintSource({
      source: { content, filePath: "/share.txt", ext: ".txt", contentType: "text" },
      options: { config, noPhysicFilePath: true },
    });
    const findings: Finding[] = [];
    for (const m of result.messages) {
      const kind = KINDS[m.messageId];
      if (kind) findings.push({ start: m.range[0], end: m.range[1], kind });
    }
    return findings;
  };
}

/** Credentials secretlint's recommended preset finds in `content`. */
export async function secretlintFindings(content: string): Promise<Finding[]> {
  linter ??= load();
  return (await linter)(content);
}

// One lint costs ~40 µs before it reads a byte, and a sync batch holds hundreds of short strings: they
// are linted together, joined by a separator no rule's pattern crosses (`.` stops at the newline, `\s`
// and the rules' character classes at the NUL). A finding that still spans a separator is thrown away
// and the strings it touched are linted alone, so every string gets exactly its own findings.
const SEPARATOR = "\n\u0000\n";
const JOINED_MAX = 256 * 1024;

/** secretlintFindings for many strings at once: result i holds the findings of contents[i]. */
export async function secretlintFindingsMany(contents: string[]): Promise<Finding[][]> {
  const results: Finding[][] = contents.map(() => []);
  let group: number[] = [];
  let length = 0;
  const flush = async () => {
    if (group.length > 0) await lintGroup(contents, group, results);
    group = [];
    length = 0;
  };
  for (let i = 0; i < contents.length; i++) {
    if (length > 0 && length + contents[i].length > JOINED_MAX) await flush();
    group.push(i);
    length += contents[i].length + SEPARATOR.length;
  }
  await flush();
  return results;
}

async function lintGroup(contents: string[], group: number[], results: Finding[][]): Promise<void> {
  if (group.length === 1) {
    results[group[0]] = await secretlintFindings(contents[group[0]]);
    return;
  }
  const starts: number[] = [];
  let at = 0;
  for (const i of group) {
    starts.push(at);
    at += contents[i].length + SEPARATOR.length;
  }
  const owner = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const alone = new Set<number>();
  const found = new Map<number, Finding[]>();
  for (const f of await secretlintFindings(group.map((i) => contents[i]).join(SEPARATOR))) {
    const first = owner(f.start);
    const last = owner(Math.max(f.start, f.end - 1));
    if (first !== last || f.end > starts[first] + contents[group[first]].length) {
      for (let g = first; g <= last; g++) alone.add(g);
      continue;
    }
    const list = found.get(first) ?? [];
    list.push({ start: f.start - starts[first], end: f.end - starts[first], kind: f.kind });
    found.set(first, list);
  }
  for (let g = 0; g < group.length; g++) {
    results[group[g]] = alone.has(g) ? await secretlintFindings(contents[group[g]]) : (found.get(g) ?? []);
  }
}
