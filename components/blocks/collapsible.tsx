// A block the reader opens and closes: a button that says whether it is open (aria-expanded) and the
// body after it, which CSS hides while the button says closed. Not <details>: Chromium gives every
// <details> its own user-agent shadow tree and style sheet, and on a long share that cost about a tenth
// of the load event (issue 17). Without JavaScript, and in print, every body is shown (app/globals.css);
// the viewer script toggles, opens the block a permalink points into, and lets find-in-page open one
// (components/client/disclosures.ts).
import type { ReactNode } from "react";

type Props = {
  summary: ReactNode;
  children: ReactNode;
  open?: boolean;
  className?: string;
  bodyClassName?: string;
  id?: string;
  /** Shown beside the toggle, outside the body (a permalink button). */
  aside?: ReactNode;
  /** The body's HTML, fetched from here when the block opens (components/client/lazy-blocks.ts). */
  fragment?: string;
  testId?: string;
};

export function Collapsible({ summary, children, open, className, bodyClassName, id, aside, fragment, testId }: Props) {
  return (
    <div className={className ? `collapsible ${className}` : "collapsible"} id={id} data-fragment={fragment} data-testid={testId}>
      <button type="button" className="collapsible-toggle" aria-expanded={open ? "true" : "false"}>
        {summary}
      </button>
      {aside}
      <div className={bodyClassName ? `collapsible-body ${bodyClassName}` : "collapsible-body"}>{children}</div>
    </div>
  );
}
