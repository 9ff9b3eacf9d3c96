// A part type this viewer does not know yet (a newer client): its type and fields, so nothing is lost.
import type { UnknownPart as UnknownPartData } from "@/lib/schema";
import { InputTable } from "../tools/fallback-tool";

export function UnknownPart({ part }: { part: UnknownPartData }) {
  const { id: _id, sessionID: _s, messageID: _m, type, ...rest } = part;
  return (
    <div className="unknown-part">
      <p className="muted">
        Unrecognised part: <code>{type}</code>
      </p>
      <InputTable input={rest} />
    </div>
  );
}
