// A permalink to a message or part. Without JavaScript it is a plain #anchor link (the address bar
// then holds the permalink); with it, <CopyControls> makes a click also copy the full URL.
export function CopyLinkButton({ anchor, label }: { anchor: string; label: string }) {
  return (
    // The mark ("#", "✓" once copied) is drawn by app/globals.css: no element of its own on every part.
    <a href={`#${anchor}`} className="copy-link" aria-label={`Copy link to ${label}`} title="Copy link" />
  );
}
