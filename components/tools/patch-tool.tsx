// patch / apply_patch: the patch text the agent applied, drawn as a diff when it is one.
import { rec, str } from "@/lib/view/tool-data";
import { parseUnifiedDiff } from "@/lib/view/diff";
import { DiffBlock } from "../blocks/diff-block";
import { Collapsible } from "../blocks/collapsible";
import { PlainOutput } from "../blocks/plain-output";
import type { ToolProps } from "./types";

export async function PatchTool({ part, input, state, metadata, ctx }: ToolProps) {
  const patch = str(metadata, "diff") ?? str(input, "patchText") ?? str(input, "patch") ?? str(input, "input") ?? "";
  const isUnified = parseUnifiedDiff(patch).length > 0;
  const files = Object.keys(rec(metadata.files));
  return (
    <div className="patch-tool">
      {files.length > 0 && <p className="tool-note">{files.length} files</p>}
      {isUnified ? <DiffBlock patch={patch} shareId={ctx.shareId} /> : patch ? <PlainOutput text={patch} label="Patch" /> : null}
      {state.output.trim() && (
        <Collapsible summary="Output">
          <PlainOutput text={state.output} label="Output" limit={{ shareId: ctx.shareId, partId: part.id }} />
        </Collapsible>
      )}
    </div>
  );
}
