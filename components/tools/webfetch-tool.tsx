// webfetch: the URL as a nofollow link, the format, and the fetched text behind a toggle.
import { str } from "@/lib/view/tool-data";
import { plural } from "@/lib/view/format";
import { Collapsible } from "../blocks/collapsible";
import { ExternalLink } from "../blocks/external-link";
import { PlainOutput } from "../blocks/plain-output";
import type { ToolProps } from "./types";

export function WebfetchTool({ part, input, state, ctx }: ToolProps) {
  const url = str(input, "url") ?? "";
  const format = str(input, "format");
  return (
    <div className="webfetch-tool">
      <dl className="kv-inline">
        <div>
          <dt>url</dt>
          <dd className="break">
            <ExternalLink href={url}>{url}</ExternalLink>
          </dd>
        </div>
        {format && (
          <div>
            <dt>format</dt>
            <dd>{format}</dd>
          </div>
        )}
      </dl>
      <Collapsible summary={`Fetched content (${plural(state.output.length, "character")})`}>
        <PlainOutput text={state.output} label="Fetched content" limit={{ shareId: ctx.shareId, partId: part.id }} />
      </Collapsible>
    </div>
  );
}
