// Tool output that is neither code nor terminal: shown verbatim, wrapped, with redaction markers.
import { RedactedText } from "./redacted-text";

export function PlainOutput({ text, label }: { text: string; label?: string }) {
  return (
    <pre className="plain-output" tabIndex={0} aria-label={label}>
      <RedactedText text={text} />
    </pre>
  );
}
