// Renders the preview card PNG with next/og (satori + resvg, in the Node runtime).
import { ImageResponse } from "next/og";
import { createElement } from "react";
import { ShareCard, type CardModel } from "@/components/og/share-card";
import { formatDate, formatNumber } from "../view/format";
import { formatFilesCount, formatMessages, formatModels, type ShareFacts } from "../view/share-facts";
import { CARD_HEIGHT, CARD_WIDTH } from "../view/share-metadata";
import { clampText, isRtl, toCardText } from "./card-text";
import { getCardFonts } from "./fonts";

// Bump when the card's look changes, so ETags from an older build do not match.
export const CARD_REVISION = 1;

export function cardModel(facts: ShareFacts, siteName: string): CardModel {
  const { coverage } = getCardFonts();
  const clean = (s: string) => toCardText(s, coverage).text;
  const title = toCardText(facts.title, coverage);
  const shown = title.text && !title.lostLetters ? clampText(title.text, 140) : null;
  return {
    kind: "share",
    siteName: clampText(clean(siteName), 40) || "Parley",
    title: shown,
    rtl: shown !== null && isRtl(shown),
    models: clampText(clean(formatModels(facts.models)), 48),
    messages: formatMessages(facts.messageCount),
    files:
      facts.files && facts.files.count > 0
        ? {
            label: formatFilesCount(facts.files.count),
            additions: `+${formatNumber(facts.files.additions)}`,
            // Noto Sans has no U+2212 MINUS SIGN; the en dash has the same width.
            deletions: `\u2013${formatNumber(facts.files.deletions)}`,
          }
        : null,
    date: facts.createdAt !== null ? formatDate(facts.createdAt, { time: false }) : null,
  };
}

async function rasterise(model: CardModel): Promise<Buffer> {
  const response = new ImageResponse(createElement(ShareCard, { model }), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: getCardFonts().fonts,
  });
  return Buffer.from(await response.arrayBuffer());
}

/** Never throws for a share's text: if the full card fails, the neutral card (fixed text) is drawn. */
export async function renderCard(model: CardModel): Promise<Buffer> {
  try {
    return await rasterise(model);
  } catch (error) {
    if (model.kind !== "share") throw error;
    console.error("card render failed; drawing the neutral card instead:", error instanceof Error ? error.message : error);
    return rasterise({ kind: "generic", siteName: model.siteName });
  }
}
