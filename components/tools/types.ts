import type { ReactNode } from "react";
import type { Rec } from "@/lib/view/tool-data";
import type { ToolPart } from "@/lib/schema";
import type { ViewContext } from "../conversation/view-context";

export type CompletedState = Extract<ToolPart["state"], { status: "completed" }>;
export type ToolProps = { part: ToolPart; state: CompletedState; input: Rec; metadata: Rec; ctx: ViewContext };
export type ToolEntry = {
  label: string;
  icon: string;
  /** What the header says about the call (a command, a path, a pattern), from its input. */
  subtitle?: (input: Rec, ctx: ViewContext) => string | undefined;
  Body: (props: ToolProps) => ReactNode | Promise<ReactNode>;
};
