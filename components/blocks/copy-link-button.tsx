// A permalink to a message or a changed file. Without JavaScript it is a plain #anchor link (the
// address bar then holds the permalink); with it, components/client/viewer.ts makes a click also copy
// the full URL, and makes a part's link when the part is first hovered or focused.
export function CopyLinkButton({ anchor, label }: { anchor: string; label: string }) {
  return (
    // The mark ("#", "✓" once copied) is drawn by app/globals.css: the link has no child element.
    <a href={`#${anchor}`} className="copy-link" aria-label={`Copy link to ${label}`} title="Copy link" />
  );
}
