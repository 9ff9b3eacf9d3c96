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
