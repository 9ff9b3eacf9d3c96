// The numbered code of a file a tool read or wrote. A long one shows its first lines and a "show all"
// that fetches the whole body from the code route (components/client/lazy-blocks.ts swaps it in), so
// the page does not lay out files nobody expands. Without JavaScript the link opens the whole file as text.
import { languageForPath } from "@/lib/render/languages";
import { codeUrl } from "@/lib/view/content-urls";
import { previewOf, type FileBody } from "@/lib/view/file-body";
import { plural } from "@/lib/view/format";
import { CodeBlock } from "./code-block";

export function FileCode({ body, label, shareId, partId }: { body: FileBody; label?: string; shareId: string; partId: string }) {
  const preview = previewOf(body.text);
  const bodyId = `code-${partId}`;
  const url = codeUrl(shareId, partId);
  return (
    <>
      <CodeBlock
        code={preview?.text ?? body.text}
        lang={languageForPath(body.path)}
        label={label}
        startLine={body.start}
        shareId={shareId}
        bodyId={bodyId}
        copyUrl={preview ? url : undefined}
      />
      {preview && (
        <a className="more-lines" href={url} data-fragment={`${url}?fragment`} data-fragment-target={bodyId}>
          Show all {plural(preview.lines, "line")}
        </a>
      )}
    </>
  );
}
