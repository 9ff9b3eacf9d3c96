// A share page as a stream of HTML pieces, in document order: <head> with the preview tags, the header,
// the turns in runs (the first screen first), the files changed, the footer. Plain HTML with no
// hydration step: the page reads the same without JavaScript, and the browser paints each piece as it
// arrives. Rendering stops at the next run when `signal` fires (the reader went away).
import { EmptyConversation, PageFooter, planConversation } from "@/components/conversation/conversation";
import { ShareHeader } from "@/components/conversation/share-header";
import { renderRun } from "@/components/conversation/turn-runs";
import type { Conversation } from "../view/conversation";
import { renderToHtml } from "../render/html";
import { asciiHtml, escapeHtml } from "../render/escape";
import { shareMetadata } from "../view/share-metadata";
import { sourceLabel } from "../view/source-agent";
import type { ShareFacts } from "../view/share-facts";
import type { PageAssets } from "./assets";
import { DOCUMENT_END, documentStart, previewTagsHtml } from "./head";

export type PageInput = {
  id: string;
  version: number;
  conversation: Conversation;
  facts: ShareFacts;
  /** The public origin for the preview tags' absolute URLs. */
  baseUrl: string;
  siteName: string;
  assets: PageAssets;
  signal?: AbortSignal;
};

/** Thrown when the reader went away: how far the page got. */
export class ReaderGoneError extends Error {
  constructor(readonly afterTurn: number) {
    super(`the reader went away after turn ${afterTurn}`);
  }
}

export async function* renderSharePage({ id, version, conversation, facts, baseUrl, siteName, assets, signal }: PageInput): AsyncGenerator<string> {
  const plan = planConversation(conversation, id);
  const tags = previewTagsHtml(shareMetadata({ id, version, facts, baseUrl, siteName }), siteName);
  const header = await renderToHtml(
    <>
      <ShareHeader title={plan.title} stats={plan.stats} shareId={id} />
      {plan.chunks.length === 0 && <EmptyConversation />}
    </>,
  );
  // The share and version let the page script follow the share live (components/client/live-follow.ts).
  // The body is ASCII where it can be (asciiHtml; turns are kept so by turn-runs.tsx). The <head>
  // stays as written: link-preview bots read its tags, some with simpler parsers than a browser's.
  yield `${documentStart(tags, assets)}${asciiHtml(`<main class="conversation" data-share="${escapeHtml(id)}" data-version="${version}">${header}`)}`;
  let firstTurn = 0;
  // An empty conversation still has its (empty) files-changed run: renderRun adds it after the last chunk.
  for (let i = 0; i < Math.max(plan.chunks.length, 1); i++) {
    let html: string;
    try {
      if (signal?.aborted) throw signal.reason;
      html = await renderRun({ chunks: plan.chunks, from: i, to: i + 1, firstTurn, ctx: plan.ctx, files: plan.files, signal });
    } catch (error) {
      throw signal?.aborted ? new ReaderGoneError(firstTurn) : error;
    }
    yield html;
    firstTurn += plan.chunks[i]?.length ?? 0;
  }
  yield asciiHtml(`</main>${await renderToHtml(<PageFooter agent={sourceLabel(conversation.session)} />)}${DOCUMENT_END}`);
}
