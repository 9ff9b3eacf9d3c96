// The copy button's markup as a string, for blocks built as HTML strings (./diff-html.ts). The React
// component (components/blocks/copy-button.tsx) renders exactly this; a test keeps the two equal.
import { escapeHtml } from "./escape";

/** With `url`, the button copies the text/plain body of that URL, for a block not whole on the page. */
export function copyButtonHtml(label: string, url?: string): string {
  const l = escapeHtml(label);
  const from = url ? ` data-copy-url="${escapeHtml(url)}"` : "";
  return `<button type="button" class="copy-button" aria-label="${l}"${from} hidden="">Copy</button>`;
}
