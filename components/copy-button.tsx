"use client";
// Copies the text of the nearest [data-copy-source] inside the nearest [data-copy-root]. It reads the
// DOM instead of taking the text as a prop, so message content is not serialised a second time.
// Rendered hidden until hydrated: without JavaScript there is nothing it could do.
import { useEffect, useState } from "react";

export function CopyButton({ label = "Copy" }: { label?: string }) {
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <button
      type="button"
      className="copy-button"
      hidden={!ready}
      aria-label={copied ? "Copied" : label}
      onClick={async (e) => {
        const root = e.currentTarget.closest("[data-copy-root]");
        const source = root?.querySelector<HTMLElement>("[data-copy-source]");
        if (!source) return;
        await navigator.clipboard.writeText(source.innerText.replace(/\n$/, ""));
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}
