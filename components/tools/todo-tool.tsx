// todowrite / todoread: the plan as a checklist with each item's status and priority.
import { arr, rec, str } from "@/lib/view/tool-data";
import type { ToolProps } from "./types";

const STATUS: Record<string, { mark: string; label: string }> = {
  completed: { mark: "✓", label: "completed" },
  in_progress: { mark: "●", label: "in progress" },
  pending: { mark: "○", label: "pending" },
  cancelled: { mark: "✕", label: "cancelled" },
};

export function TodoTool({ input, metadata }: ToolProps) {
  const todos = (arr(metadata, "todos").length ? arr(metadata, "todos") : arr(input, "todos")).map(rec);
  const done = todos.filter((t) => t.status === "completed").length;
  const verb = done === 0 ? "Creating plan" : done === todos.length ? "Completing plan" : "Updating plan";
  return (
    <div className="todo-tool">
      <p className="tool-note">
        {verb} · {done}/{todos.length} done
      </p>
      <ul className="todo-list">
        {todos.map((t, i) => {
          const status = str(t, "status") ?? "pending";
          const s = STATUS[status] ?? { mark: "?", label: status };
          const priority = str(t, "priority");
          return (
            <li key={i} className={`todo todo-${status}`} data-status={status}>
              <span className="todo-mark" role="img" aria-label={s.label} title={s.label}>
                {s.mark}
              </span>
              <span className="todo-text">{str(t, "content") ?? ""}</span>
              {priority && <span className={`priority priority-${priority}`}>{priority}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
