// Tool name -> renderer. Adding a tool is one line here; anything not listed (MCP tools such as
// "github_create_issue", tools from newer clients) gets the fallback with its own name.
import { str, type Rec } from "@/lib/view/tool-data";
import { relativePath } from "@/lib/view/paths";
import type { ViewContext } from "../conversation/view-context";
import { BashTool } from "./bash-tool";
import { EditTool } from "./edit-tool";
import { FallbackTool } from "./fallback-tool";
import { LspTool } from "./lsp-tool";
import { PatchTool } from "./patch-tool";
import { QuestionTool } from "./question-tool";
import { ReadTool } from "./read-tool";
import { SearchTool } from "./search-tool";
import { SkillTool } from "./skill-tool";
import { TaskTool } from "./task-tool";
import { TodoTool } from "./todo-tool";
import { WebfetchTool } from "./webfetch-tool";
import { WebSearchTool } from "./web-search-tool";
import { WriteTool } from "./write-tool";
import type { ToolEntry } from "./types";

const path = (key: string) => (input: Rec, ctx: ViewContext) => {
  const p = str(input, key);
  if (p === undefined) return undefined;
  const rel = relativePath(p, ctx.directory);
  return rel === "." ? "./ (session directory)" : rel;
};
const field = (key: string) => (input: Rec) => str(input, key);

export const TOOLS: Record<string, ToolEntry> = {
  bash: { label: "Shell", icon: "$", subtitle: field("description"), Body: BashTool },
  edit: { label: "Edit", icon: "✎", subtitle: path("filePath"), Body: EditTool },
  write: { label: "Write", icon: "+", subtitle: path("filePath"), Body: WriteTool },
  read: { label: "Read", icon: "▤", subtitle: path("filePath"), Body: ReadTool },
  grep: { label: "Grep", icon: "⌕", subtitle: field("pattern"), Body: SearchTool },
  glob: { label: "Glob", icon: "⌕", subtitle: field("pattern"), Body: SearchTool },
  list: { label: "List", icon: "▤", subtitle: path("path"), Body: SearchTool },
  todowrite: { label: "Plan", icon: "☑", Body: TodoTool },
  todoread: { label: "Plan", icon: "☑", Body: TodoTool },
  webfetch: { label: "Fetch", icon: "↗", subtitle: field("url"), Body: WebfetchTool },
  task: { label: "Subagent", icon: "⧉", subtitle: field("description"), Body: TaskTool },
  patch: { label: "Patch", icon: "±", Body: PatchTool },
  apply_patch: { label: "Patch", icon: "±", Body: PatchTool },
  question: { label: "Question", icon: "?", Body: QuestionTool },
  skill: { label: "Skill", icon: "★", subtitle: field("name"), Body: SkillTool },
  websearch: { label: "Web search", icon: "⌕", subtitle: field("query"), Body: WebSearchTool },
  codesearch: { label: "Code search", icon: "⌕", subtitle: field("query"), Body: WebSearchTool },
  lsp: { label: "LSP", icon: "λ", subtitle: field("operation"), Body: LspTool },
};

/** The renderer for a tool name; unknown and MCP tools get the generic one, labelled with their name. */
export function toolFor(name: string): ToolEntry & { fallback: boolean } {
  const known = Object.hasOwn(TOOLS, name) ? TOOLS[name] : undefined;
  return known ? { ...known, fallback: false } : { label: name, icon: "⚙", Body: FallbackTool, fallback: true };
}
