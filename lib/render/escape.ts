// HTML escaping for the few strings we assemble ourselves (highlighted lines, plain <pre> fallbacks).
const MAP: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => MAP[c]);
}
