"use client";
// A permalink to a message or part. Without JavaScript it is a plain #anchor link (the address bar
// then holds the permalink); with it, a click also copies the full URL.
import { useState } from "react";

export function CopyLinkButton({ anchor, label }: { anchor: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <a
      href={`#${anchor}`}
      className="copy-link"
      aria-label={copied ? "Link copied" : `Copy link to ${label}`}
      title={copied ? "Link copied" : "Copy link"}
      onClick={async (e) => {
        if (!navigator.clipboard) return;
        e.preventDefault();
        const url = `${location.origin}${location.pathname}#${anchor}`;
        history.replaceState(null, "", `#${anchor}`);
        try {
          await navigator.clipboard.writeText(url);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        } catch {
          location.hash = anchor;
        }
      }}
    >
      <span aria-hidden="true">{copied ? "✓" : "#"}</span>
    </a>
  );
}
