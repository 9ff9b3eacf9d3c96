import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Conversation } from "@/components/conversation";
import { loadShareView } from "@/lib/share-view";

type Props = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await loadShareView((await params).id);
  return {
    title: view?.conversation.session?.title || "Shared conversation",
    robots: { index: false, follow: false },
  };
}

export default async function SharePage({ params }: Props) {
  const view = await loadShareView((await params).id);
  if (!view) notFound();
  return <Conversation conversation={view.conversation} />;
}
