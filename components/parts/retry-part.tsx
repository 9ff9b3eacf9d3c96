// retry: the client retried a failed provider call; which attempt, and why.
import type { RetryPart as RetryPartData } from "@/lib/schema";
import { rec, str } from "@/lib/view/tool-data";

export function RetryPart({ part }: { part: RetryPartData }) {
  const error = rec(part.error);
  const message = str(rec(error.data), "message") ?? str(error, "message") ?? str(error, "name") ?? "request failed";
  const status = rec(error.data).statusCode;
  return (
    <p className="retry-part">
      <span className="badge warn">retry #{part.attempt}</span> {typeof status === "number" ? `HTTP ${status}: ` : ""}
      {message}
    </p>
  );
}
