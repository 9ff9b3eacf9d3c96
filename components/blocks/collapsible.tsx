// Native <details>: works without JavaScript, is keyboard reachable, and print CSS opens it.
import type { ReactNode } from "react";

export function Collapsible({ summary, children, open, className }: { summary: ReactNode; children: ReactNode; open?: boolean; className?: string }) {
  return (
    <details className={className ? `collapsible ${className}` : "collapsible"} open={open}>
      <summary>{summary}</summary>
      <div className="collapsible-body">{children}</div>
    </details>
  );
}
