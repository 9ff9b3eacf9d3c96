// robots.txt allows everything on purpose: a crawler that may not fetch /s/<id> never sees its
// noindex and can still list the bare URL. Shares are kept out of indexes by X-Robots-Tag and the
// robots meta tag instead, and no sitemap is published.
import type { MetadataRoute } from "next";

export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/" } };
}
