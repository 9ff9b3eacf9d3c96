// An assistant message's error (aborted, API error, output length, context overflow, ...), at its end.
import type { MessageError as MessageErrorData } from "@/lib/schema";
import { rec, str } from "@/lib/view/tool-data";
import { Collapsible } from "../blocks/collapsible";
import { PlainOutput } from "../blocks/plain-output";

const TITLES: Record<string, string> = {
  MessageAbortedError: "Stopped by the user",
  APIError: "Provider API error",
  ProviderAuthError: "Provider authentication failed",
  MessageOutputLengthError: "Output length limit reached",
  ContextOverflowError: "Context window overflow",
  StructuredOutputError: "Structured output failed",
  ContentFilterError: "Blocked by the provider's content filter",
  UnknownError: "Error",
};

export function MessageError({ error }: { error: MessageErrorData }) {
  const data = rec(error.data);
  const status = typeof data.statusCode === "number" ? data.statusCode : undefined;
  const message = str(data, "message");
  const body = str(data, "responseBody");
  const aborted = error.name === "MessageAbortedError";
  return (
    <div className={aborted ? "message-error aborted" : "message-error"} data-testid="message-error" data-error={error.name}>
      <p className="message-error-title">
        {TITLES[error.name] ?? error.name}
        {status ? <span className="badge fail">HTTP {status}</span> : null}
        {data.isRetryable === false && !aborted ? <span className="badge">not retryable</span> : null}
      </p>
      {message && message !== "Aborted" && <p className="message-error-text">{message}</p>}
      {body && (
        <Collapsible summary="Response body">
          <PlainOutput text={body} label="Response body" />
        </Collapsible>
      )}
    </div>
  );
}
