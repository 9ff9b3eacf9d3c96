// The copy button's markup as a string, for blocks built as HTML strings (./diff-html.ts). The React
// component (components/blocks/copy-button.tsx) renders exactly this; a test keeps the two equal.
import { escapeHtml } from "./escape";

export function copyButtonHtml(label: string): string {
  const l = escapeHtml(label);
  return `<button type="button" class="copy-button" aria-label="${l}" hidden="">Copy</button>`;
}
