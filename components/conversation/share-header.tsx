// The top of the page: title, times, models and agents, version, totals, and the files changed.
import type { SessionStats } from "@/lib/view/session-stats";
import { formatCompact, formatCost, formatDate, formatDuration, formatNumber, isoTime } from "@/lib/view/format";
import { formatFilesCount } from "@/lib/view/share-facts";
import { ChangeCounts } from "../blocks/change-counts";

function Time({ ms }: { ms: number }) {
  return <time dateTime={isoTime(ms)}>{formatDate(ms)}</time>;
}

/**
 * `shareId` adds the export links: plain links, so they work without JavaScript. The Markdown opens in
 * the tab (to copy into a pull request or an issue); the JSON downloads for `opencode import <file>`.
 */
export function ShareHeader({ title, stats, shareId }: { title: string; stats: SessionStats; shareId?: string }) {
  const t = stats.tokens;
  const totalTokens = t.input + t.output + t.reasoning + t.cacheRead + t.cacheWrite;
  return (
    <header className="share-header" data-testid="share-header">
      <p className="eyebrow">
        <span data-testid="source-agent">Shared {stats.source} session</span>
        {stats.version && (
          <span className="badge version" data-testid="version">
            v{stats.version}
          </span>
        )}
      </p>
      <h1 data-testid="share-title">{title}</h1>
      <p className="dates">
        {stats.created !== undefined && (
          <span>
            Created <Time ms={stats.created} />
          </span>
        )}
        {stats.updated !== undefined && stats.updated !== stats.created && (
          <span>
            Updated <Time ms={stats.updated} />
          </span>
        )}
      </p>
      <div className="chips">
        {stats.models.map((m) => (
          <span key={m} className="chip model" data-testid="model">
            {m}
          </span>
        ))}
        {stats.agents.map((a) => (
          <span key={a} className="chip agent" data-testid="agent">
            @{a}
          </span>
        ))}
      </div>
      <dl className="stats" data-testid="stats">
        <div>
          <dt>Messages</dt>
          <dd data-stat="messages">{formatNumber(stats.messages)}</dd>
        </div>
        <div>
          <dt>Tool calls</dt>
          <dd data-stat="tool-calls">{formatNumber(stats.toolCalls)}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd data-stat="tokens" title={`${formatNumber(totalTokens)} tokens in total`}>
            {formatCompact(t.input)} in · {formatCompact(t.output)} out
            <span className="stat-sub">
              {formatCompact(t.reasoning)} reasoning · {formatCompact(t.cacheRead)} cache read · {formatCompact(t.cacheWrite)} cache write
            </span>
          </dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd data-stat="cost">{formatCost(stats.cost)}</dd>
        </div>
        {stats.wallMs !== undefined && (
          <div>
            <dt>Wall time</dt>
            <dd data-stat="wall-time">{formatDuration(stats.wallMs)}</dd>
          </div>
        )}
      </dl>
      {shareId && (
        <p className="export-links" data-testid="export-links">
          Export:{" "}
          <a href={`/s/${encodeURIComponent(shareId)}/export.md`} rel="nofollow">
            Markdown
          </a>
          {" · "}
          <a href={`/s/${encodeURIComponent(shareId)}/export.json`} rel="nofollow" download>
            JSON
          </a>
        </p>
      )}
      {stats.files.length > 0 && (
        <nav className="files-nav" aria-label="Files changed">
          <p className="files-nav-title">{formatFilesCount(stats.files.length)}</p>
          <ul>
            {stats.files.map((f) => (
              <li key={f.path}>
                <a href={`#${f.anchor}`}>
                  <code>{f.path}</code>
                </a>
                <ChangeCounts additions={f.additions} deletions={f.deletions} />
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
