// lsp: the language-server request (operation and position) and its answer behind a toggle.
import { num, str } from "@/lib/view/tool-data";
import { relativePath } from "@/lib/view/paths";
import { Collapsible } from "../blocks/collapsible";
import { PlainOutput } from "../blocks/plain-output";
import type { ToolProps } from "./types";

export function LspTool({ part, input, state, ctx }: ToolProps) {
  const file = str(input, "filePath");
  const line = num(input, "line");
  return (
    <div className="lsp-tool">
      <dl className="kv-inline">
        {str(input, "operation") && (
          <div>
            <dt>operation</dt>
            <dd>{str(input, "operation")}</dd>
          </div>
        )}
        {file && (
          <div>
            <dt>at</dt>
            <dd>
              <code>
                {relativePath(file, ctx.directory)}
                {line !== undefined ? `:${line}` : ""}
              </code>
            </dd>
          </div>
        )}
      </dl>
      <Collapsible summary="Response">
        <PlainOutput text={state.output} label="Language server response" limit={{ shareId: ctx.shareId, partId: part.id }} />
      </Collapsible>
    </div>
  );
}
