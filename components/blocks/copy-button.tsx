// Copies the text of the nearest [data-copy-source] inside the nearest [data-copy-root]. Plain
// markup, rendered on the server with the rest of the conversation; <CopyControls> handles the
// click for every copy button on the page and shows them once it runs (without JavaScript there is
// nothing they could do, so they are `hidden` until then; app/globals.css shows them).
export function CopyButton({ label = "Copy" }: { label?: string }) {
  return (
    <button type="button" className="copy-button" aria-label={label} hidden>
      Copy
    </button>
  );
}
