// Writes the preview card of a recorded fixture share to a PNG file, without a server:
//   npm run card -- tour out.png
//   npm run card -- tour out.png --title "Заголовок with emoji 🚀"   (override the title)
// Prints the render time of the first (cold: fonts, wasm) and a second render, and the byte size.
import fs from "node:fs";
import path from "node:path";
import { buildConversation } from "../lib/view/conversation";
import { getConfig } from "../lib/config";
import { cardModel, renderCard } from "../lib/og/render-card";
import { pngSize } from "../lib/og/png";
import type { DataItem } from "../lib/schema";
import { computeShareFacts } from "../lib/view/share-facts";

async function main() {
  const args = process.argv.slice(2);
  const titleAt = args.indexOf("--title");
  const title = titleAt >= 0 ? args.splice(titleAt, 2)[1] : undefined;
  const [scenario = "tour", out = `card-${scenario}.png`] = args;
  const dir = path.join(process.cwd(), "e2e", "fixtures", scenario);
  const file = fs.existsSync(path.join(dir, "share-data.json")) ? "share-data.json" : "share-data-GET-api-share-id-data.json";
  const data = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as DataItem[];
  const facts = computeShareFacts(buildConversation(data));
  if (title !== undefined) facts.title = title;

  let t = performance.now();
  const png = await renderCard(cardModel(facts, getConfig().PARLEY_SITE_NAME));
  const cold = performance.now() - t;
  t = performance.now();
  await renderCard(cardModel(facts, getConfig().PARLEY_SITE_NAME));
  const second = performance.now() - t;
  fs.writeFileSync(out, png);
  const size = pngSize(png);
  console.log(
    `${out}: ${png.length} bytes, ${size ? `${size.width}x${size.height}` : "not a PNG"}; first render ${cold.toFixed(0)} ms (process cold), second ${second.toFixed(0)} ms (uncached render)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
