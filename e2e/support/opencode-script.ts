// What the scripted model "does" in the OpenCode e2e test: one user turn that exercises reasoning, markdown
// with code, and the offline tools (bash, write, read, edit, todowrite, task with a subagent, and a tool
// call that fails), then a final markdown answer.
import path from "node:path";
import type { Script } from "./mock-model";

export const TOUR_PROMPT = "Give the greeter project a welcome function and report back.";
export const SUBAGENT_PROMPT = "Subagent: review src/greet.ts and report one finding.";
export const SUBAGENT_ANSWER = "Review done: greet() has no tests yet.";
export const FINAL_HEADING = "Tour complete";
export const FINAL_TEXT = "greet() now says welcome";
export const AUTO_PROMPT = "Say hello from an auto-shared session.";
export const AUTO_ANSWER = "Hello from a session nobody shared by hand.";

export function tourScripts(project: string): Script[] {
  const greet = path.join(project, "src", "greet.ts");
  return [
    {
      match: TOUR_PROMPT,
      steps: [
        {
          reasoning: "The user wants a welcome function. First look at the project layout.",
          text: "Let me look at the project first.",
          tools: [{ tool: "bash", args: { command: "ls -a && git log --oneline", description: "List files and history" } }],
        },
        {
          tools: [
            {
              tool: "todowrite",
              args: {
                todos: [
                  { content: "Write src/greet.ts", status: "in_progress", priority: "high" },
                  { content: "Review it with a subagent", status: "pending", priority: "medium" },
                ],
              },
            },
          ],
        },
        { tools: [{ tool: "write", args: { filePath: greet, content: "export function greet(name: string) {\n  return `Hello, ${name}`;\n}\n" } }] },
        { tools: [{ tool: "read", args: { filePath: greet } }] },
        { tools: [{ tool: "edit", args: { filePath: greet, oldString: "Hello, ${name}", newString: "Welcome, ${name}!" } }] },
        // A tool call that fails: the file does not exist, so the part ends in the error state.
        { tools: [{ tool: "read", args: { filePath: path.join(project, "docs", "missing.md") } }] },
        { tools: [{ tool: "task", args: { description: "Review greet.ts", prompt: SUBAGENT_PROMPT, subagent_type: "general" } }] },
        {
          text: [
            `## ${FINAL_HEADING}`,
            "",
            `\`src/greet.ts\` is written and reviewed: ${FINAL_TEXT}.`,
            "",
            "| Step | Tool |",
            "| --- | --- |",
            "| look around | bash |",
            "| write and fix | write, edit |",
            "",
            "```ts",
            "export function greet(name: string) {",
            "  return `Welcome, ${name}!`;",
            "}",
            "```",
          ].join("\n"),
        },
      ],
    },
    // The subagent started by `task` runs in its own child session and conversation.
    {
      match: SUBAGENT_PROMPT,
      steps: [{ tools: [{ tool: "read", args: { filePath: greet } }] }, { text: SUBAGENT_ANSWER }],
    },
    { match: AUTO_PROMPT, steps: [{ text: AUTO_ANSWER }] },
  ];
}
