// The link under a shortened tool output to its full text (served as text/plain from its own URL).
import { toolOutputUrl } from "@/lib/view/content-urls";
import { formatBytes, plural } from "@/lib/view/format";
import type { LimitedOutput } from "@/lib/view/output-limit";

export function ShowAll({ shareId, partId, full }: { shareId: string; partId: string; full: NonNullable<LimitedOutput["full"]> }) {
  return (
    <p className="show-all" data-testid="show-all">
      <span className="muted">Showing the first lines. </span>
      <a href={toolOutputUrl(shareId, partId)} target="_blank" rel="noopener">
        show all ({plural(full.lines, "line")}, {formatBytes(full.bytes)})
      </a>
    </p>
  );
}
