// Plain text with the server's [REDACTED:kind] markers drawn as labelled markers.
import { marker, splitRedactions } from "@/lib/redact/markers";

export function RedactedText({ text }: { text: string }) {
  return (
    <>
      {splitRedactions(text).map((s, i) =>
        "redacted" in s ? (
          <mark key={i} className="redacted" title={`Redacted by the server: ${s.redacted}`} data-kind={s.redacted}>
            {marker(s.redacted)}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
