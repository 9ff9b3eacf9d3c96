// skill: which skill was loaded, from where, and its instructions behind a toggle.
import { str, tagged } from "@/lib/view/tool-data";
import { relativePath } from "@/lib/view/paths";
import { renderMarkdown } from "@/lib/render/markdown";
import { Collapsible } from "../blocks/collapsible";
import type { ToolProps } from "./types";

export function SkillTool({ part, input, state, metadata, ctx }: ToolProps) {
  const name = str(input, "name") ?? str(metadata, "name") ?? "skill";
  const dir = str(metadata, "dir");
  const content = (tagged(state.output, "skill_content") ?? state.output).replace(/<skill_files>[\s\S]*?<\/skill_files>/, "").trim();
  return (
    <div className="skill-tool">
      <dl className="kv-inline">
        <div>
          <dt>skill</dt>
          <dd>
            <span className="badge">{name}</span>
          </dd>
        </div>
        {dir && (
          <div>
            <dt>from</dt>
            <dd>
              <code>{relativePath(dir, ctx.directory)}</code>
            </dd>
          </div>
        )}
      </dl>
      <Collapsible summary="Skill instructions">{renderMarkdown(content, { shareId: ctx.shareId, key: `${part.id}:skill` })}</Collapsible>
    </div>
  );
}
