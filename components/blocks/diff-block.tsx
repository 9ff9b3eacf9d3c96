// A diff inside a turn or the files changed; the markup is lib/render/diff-html.ts, shared with the
// routes that serve a diff whole when a collapsed or shortened one is opened. An edit's diff (with
// `partId`) shows its first lines when long, and the code route has the rest.
import { diffBlockHtml } from "@/lib/render/diff-html";
import { codeUrl } from "@/lib/view/content-urls";

export async function DiffBlock({ patch, path, shareId, partId }: { patch: string; path?: string; shareId?: string; partId?: string }) {
  const more = shareId && partId ? { url: codeUrl(shareId, partId), id: `diff-${partId}` } : undefined;
  return <div className="diff-wrap" dangerouslySetInnerHTML={{ __html: await diffBlockHtml(patch, path, shareId, more) }} />;
}
