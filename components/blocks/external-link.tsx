// Every outbound link: allow-listed scheme, new tab, and no referrer or ranking passed on.
import type { ReactNode } from "react";
import { safeHref } from "@/lib/render/urls";

export function ExternalLink({ href, children }: { href: string | undefined; children: ReactNode }) {
  const safe = safeHref(href);
  if (!safe) return <span className="unsafe-link">{children}</span>;
  return (
    <a href={safe} target="_blank" rel="nofollow noopener noreferrer ugc">
      {children}
    </a>
  );
}
