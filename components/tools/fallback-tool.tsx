// MCP and unknown tools: the input as a key/value table and the output behind a toggle.
import { Collapsible } from "../blocks/collapsible";
import { PlainOutput } from "../blocks/plain-output";
import { RedactedText } from "../blocks/redacted-text";
import type { ToolProps } from "./types";

export function InputTable({ input }: { input: Record<string, unknown> }) {
  const entries = Object.entries(input);
  if (!entries.length) return null;
  return (
    <div className="table-scroll">
      <table className="kv-table">
        <tbody>
          {entries.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>
                <pre className="kv-value">
                  <RedactedText text={typeof v === "string" ? v : JSON.stringify(v, null, 2)} />
                </pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FallbackTool({ part, input, state, ctx }: ToolProps) {
  return (
    <div className="fallback-tool">
      <InputTable input={input} />
      {state.output.trim() && (
        <Collapsible summary="Output">
          <PlainOutput text={state.output} label="Output" limit={{ shareId: ctx.shareId, partId: part.id }} />
        </Collapsible>
      )}
    </div>
  );
}
