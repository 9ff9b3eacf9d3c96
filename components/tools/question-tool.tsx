// question: what the agent asked, the options it offered, and the answer chosen.
import { arr, rec, str } from "@/lib/view/tool-data";
import type { ToolProps } from "./types";

export function QuestionTool({ input, metadata }: ToolProps) {
  const questions = arr(input, "questions").map(rec);
  const answers = arr(metadata, "answers").map((a) => (Array.isArray(a) ? a.map(String) : [String(a)]));
  return (
    <div className="question-tool">
      {questions.map((q, i) => {
        const chosen = answers[i] ?? [];
        return (
          <div key={i} className="question">
            {str(q, "header") && <p className="question-header">{str(q, "header")}</p>}
            <p className="question-text">{str(q, "question")}</p>
            <ul className="options">
              {arr(q, "options")
                .map(rec)
                .map((o, j) => {
                  const picked = chosen.includes(str(o, "label") ?? "");
                  return (
                    <li key={j} className={picked ? "option picked" : "option"} data-picked={picked || undefined}>
                      <span className="option-label">{str(o, "label")}</span>
                      {str(o, "description") && <span className="option-desc"> — {str(o, "description")}</span>}
                      {picked && <span className="badge ok">answer</span>}
                    </li>
                  );
                })}
            </ul>
            {chosen.length > 0 &&
              !arr(q, "options")
                .map(rec)
                .some((o) => chosen.includes(str(o, "label") ?? "")) && <p className="question-answer">Answer: {chosen.join(", ")}</p>}
          </div>
        );
      })}
    </div>
  );
}
