import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Conversation } from "@/components/conversation/conversation";
import { loadShareView } from "@/lib/shares/view";
import { getConfig } from "@/lib/config";
import { publicUrlFrom } from "@/lib/http/public-url";
import { shareMetadata, UNTITLED } from "@/lib/view/share-metadata";
import { getSharePreview } from "@/lib/shares/preview";
import { REQUEST_HEADER, requestSignal } from "@/lib/http/request-signal";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const dynamic = "force-dynamic";

// The preview tags chat apps unfurl; built from facts only (lib/view/share-metadata.ts).
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const preview = await getSharePreview((await params).id);
  if (preview.status !== "live") return { title: UNTITLED, robots: { index: false, follow: false } };
  return shareMetadata({
    id: preview.id,
    version: preview.version,
    facts: preview.facts,
    baseUrl: publicUrlFrom(await headers()),
    siteName: getConfig().PARLEY_SITE_NAME,
  });
}

export default async function SharePage({ params, searchParams }: Props) {
  const view = await loadShareView((await params).id);
  if (!view) notFound();
  // `?all`: the whole conversation in one piece, for readers without JavaScript (see Conversation).
  const all = (await searchParams).all !== undefined;
  // A request for the RSC payload alone (client-side navigation) has no server-side rendering step
  // to place the conversation's HTML, so that payload carries it (see components/client/html-island.tsx).
  const h = await headers();
  const inline = h.get("rsc") === "1";
  // Long pages stop rendering when the reader goes away (lib/http/request-signal.ts).
  const signal = requestSignal(h.get(REQUEST_HEADER));
  return <Conversation conversation={view.conversation} shareId={view.id} stream={!all} inline={inline} signal={signal} />;
}
