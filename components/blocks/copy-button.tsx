// Copies the text of the nearest [data-copy-source] inside the nearest [data-copy-root]. Plain
// markup, rendered on the server with the rest of the conversation; <CopyControls> handles the
// click for every copy button on the page and shows them once it runs (without JavaScript there is
// nothing they could do, so they are `hidden` until then; app/globals.css shows them).
// With `url`, it copies the text/plain body of that URL instead: the block shows only part of it.
export function CopyButton({ label = "Copy", url }: { label?: string; url?: string }) {
  return (
    <button type="button" className="copy-button" aria-label={label} data-copy-url={url} hidden>
      Copy
    </button>
  );
}
