// The static-transcript tools issue 17 measures Parley against: claude-code-log 0.2.7 and
// claude-code-transcripts 0.6, over a real 646-part OpenCode session converted for them, in one
// interleaved run on this kind of machine (the figures of issue 17's table). They are Python tools
// from PyPI, which this machine cannot reach (`pip download claude-code-log` is refused), so they
// cannot run inside the bench: their recorded figures are the bar, and the bench's own long fixture
// (200 synthetic messages, 749 items, about the same size) stands in for the conversation.
export type Peer = { name: string; renderMs: number; htmlBytes: number; htmlGzipBytes: number; domElements: number; loadMs: number; jsGzipBytes: number };

export const PEERS: Peer[] = [
  { name: "claude-code-log 0.2.7", renderMs: 34.5, htmlBytes: 384_000, htmlGzipBytes: 18_000, domElements: 3_939, loadMs: 202, jsGzipBytes: 0 },
  { name: "claude-code-transcripts 0.6", renderMs: 40.1, htmlBytes: 421_000, htmlGzipBytes: 37_000, domElements: 4_438, loadMs: 334, jsGzipBytes: 0 },
];

/** Issue 17's bars: a fresh first view within 80 ms (the peers cannot run here), at most 12,000
 * elements, 30 KB of script, and a load event no later than the slower peer's. */
export const TARGETS = {
  freshFirstViewMs: 80,
  domElements: 12_000,
  jsGzipBytes: 30 * 1024,
  loadMs: Math.max(...PEERS.map((p) => p.loadMs)),
};
