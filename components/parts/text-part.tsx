// Text: the user's words as typed (whitespace kept, long prompts collapsed), the assistant's as markdown.
import type { TextPart as TextPartData } from "@/lib/schema";
import { renderMarkdown } from "@/lib/render/markdown";
import { RedactedText } from "../blocks/redacted-text";

// Past these a prompt starts collapsed to a few lines with a "Show more" toggle.
const LONG_LINES = 12;
const LONG_CHARS = 900;

export function TextPart({ part, role, shareId }: { part: TextPartData; role: string; shareId: string }) {
  if (role !== "user") return renderMarkdown(part.text, { shareId, key: part.id });
  const long = part.text.split("\n").length > LONG_LINES || part.text.length > LONG_CHARS;
  return (
    <div className={long ? "user-text-wrap long" : "user-text-wrap"}>
      <p className="user-text">
        <RedactedText text={part.text} />
      </p>
      {long && (
        // CSS clamps the text above while this says closed (Ctrl-F still finds it); without JavaScript
        // the text is whole and the button hidden (components/client/disclosures.ts toggles it).
        <button type="button" className="show-more" aria-expanded="false">
          <span className="more">Show more</span>
          <span className="less">Show less</span>
        </button>
      )}
    </div>
  );
}
