// Tool output that is neither code nor terminal: shown verbatim, wrapped, with redaction markers.
// With `limit`, a long output keeps only its first lines and links the rest (see lib/view/output-limit.ts).
import { limitOutput } from "@/lib/view/output-limit";
import { RedactedText } from "./redacted-text";
import { ShowAll } from "./show-all";

export function PlainOutput({ text, label, limit }: { text: string; label?: string; limit?: { shareId: string; partId: string } }) {
  const shown = limit ? limitOutput(text) : { text };
  return (
    <>
      <pre className="plain-output" tabIndex={0} aria-label={label}>
        <RedactedText text={shown.text} />
      </pre>
      {limit && shown.full && <ShowAll shareId={limit.shareId} partId={limit.partId} full={shown.full} />}
    </>
  );
}
