// websearch / codesearch: the query and the results text behind a toggle.
import { str } from "@/lib/view/tool-data";
import { Collapsible } from "../blocks/collapsible";
import { PlainOutput } from "../blocks/plain-output";
import type { ToolProps } from "./types";

export function WebSearchTool({ part, input, state, ctx }: ToolProps) {
  const query = str(input, "query") ?? str(input, "q") ?? "";
  return (
    <div className="websearch-tool">
      <dl className="kv-inline">
        <div>
          <dt>query</dt>
          <dd>
            <q>{query}</q>
          </dd>
        </div>
      </dl>
      <Collapsible summary="Results">
        <PlainOutput text={state.output} label="Search results" limit={{ shareId: ctx.shareId, partId: part.id }} />
      </Collapsible>
    </div>
  );
}
