// "+12 -3": the lines a change added and removed, drawn the same in the header, the diffs and the edit tool.
import { formatNumber } from "@/lib/view/format";

export function ChangeCounts({ additions, deletions }: { additions: number; deletions?: number }) {
  return (
    <>
      <span className="adds">+{formatNumber(additions)}</span>
      {deletions !== undefined && (
        <>
          {" "}
          <span className="dels">-{formatNumber(deletions)}</span>
        </>
      )}
    </>
  );
}
