// compaction: the conversation above was summarised to fit the context window.
import type { CompactionPart as CompactionPartData } from "@/lib/schema";

export function CompactionPart({ part }: { part: CompactionPartData }) {
  const overflow = (part as { overflow?: unknown }).overflow === true;
  return (
    <div className="compaction-part" role="separator" aria-label="Compacted here">
      <span>
        Compacted here{part.auto ? " (automatically" : " ("}
        {overflow ? ", the context window overflowed)" : part.auto ? ")" : "on request)"}
      </span>
    </div>
  );
}
