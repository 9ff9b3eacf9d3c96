// Two running Parley servers (say, main and a branch), measured request by request in alternation
// on the same synthetic shares, so machine noise hits both alike. For before/after figures of one
// change; `npm run bench` measures a single build against its targets.
//
//   npx tsx bench/side-by-side.ts http://127.0.0.1:3402 http://127.0.0.1:3401 [samples] [--tab] [--sizes=200,2000]
//
// Prints, per share size and server: cold time to first byte and total (a new share per sample),
// warm total (page cache as configured), and the bytes of the page. With --tab, also what a reader's
// tab does with each page (bench/browser.ts), first visits in alternation in one Chromium.
import { measureTab, openBrowser, type TabSample } from "./browser";
import { percentile, timedGet, timedPost } from "./http";
import { syntheticSession, type Item } from "./synthetic";

const positional = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const [a, b] = positional;
const SAMPLES = Number(positional[2] ?? 8);
const TABS = process.argv.includes("--tab");
const SIZES = (process.argv.find((arg) => arg.startsWith("--sizes="))?.slice(8) ?? "200,2000").split(",").map(Number);
if (!a || !b) throw new Error("usage: side-by-side.ts <base A> <base B> [samples]");

async function share(base: string, items: Item[]): Promise<string> {
  const created = (await timedPost(`${base}/api/share`, JSON.stringify({ sessionID: "ses_side" }))).json as { id: string; secret: string };
  for (let i = 0; i < items.length; i += 500) {
    const res = await timedPost(`${base}/api/share/${created.id}/sync`, JSON.stringify({ secret: created.secret, data: items.slice(i, i + 500) }));
    if (res.status !== 200) throw new Error(`${base}: sync answered ${res.status}`);
  }
  return created.id;
}

type Figures = { coldTtfb: number[]; coldTotal: number[]; warmTotal: number[]; bytes: number };
const ms = (xs: number[]) => `${percentile(xs, 50).toFixed(1)} / ${percentile(xs, 95).toFixed(1)}`;

async function main() {
  for (const n of SIZES) {
    const items = syntheticSession(n, 42 + n);
    const figures = new Map<string, Figures>([a, b].map((base) => [base, { coldTtfb: [], coldTotal: [], warmTotal: [], bytes: 0 }]));
    const ids = new Map<string, string>();
    for (let k = 0; k < SAMPLES; k++) {
      for (const base of k % 2 ? [b, a] : [a, b]) {
        const id = await share(base, items);
        const page = await timedGet(`${base}/s/${id}`);
        if (page.status !== 200) throw new Error(`${base}/s/${id} answered ${page.status}`);
        const f = figures.get(base)!;
        f.coldTtfb.push(page.ttfb);
        f.coldTotal.push(page.total);
        f.bytes = page.bytes;
        ids.set(base, id);
      }
    }
    for (let k = 0; k < SAMPLES * 3; k++) {
      for (const base of k % 2 ? [b, a] : [a, b]) figures.get(base)!.warmTotal.push((await timedGet(`${base}/s/${ids.get(base)}`)).total);
    }
    console.log(`\n${n} messages, ${SAMPLES} cold and ${SAMPLES * 3} warm samples each (p50 / p95 ms)`);
    console.log("| server | cold TTFB | cold total | warm total | page bytes |\n|---|---|---|---|---|");
    for (const [base, f] of figures)
      console.log(`| ${base} | ${ms(f.coldTtfb)} | ${ms(f.coldTotal)} | ${ms(f.warmTotal)} | ${(f.bytes / 1e6).toFixed(2)} MB |`);
    const [fa, fb] = [figures.get(a)!, figures.get(b)!];
    const ratio = (xs: number[], ys: number[]) => (percentile(ys, 50) / percentile(xs, 50)).toFixed(2);
    console.log(
      `B / A at p50: cold TTFB ${ratio(fa.coldTtfb, fb.coldTtfb)}x, cold total ${ratio(fa.coldTotal, fb.coldTotal)}x, warm total ${ratio(fa.warmTotal, fb.warmTotal)}x, bytes ${(fb.bytes / fa.bytes).toFixed(2)}x`,
    );
    if (TABS) await tabs(ids, n);
  }
}

async function tabs(ids: Map<string, string>, n: number) {
  const opened = await openBrowser();
  if ("skipped" in opened) return console.log(`no Chromium: ${opened.skipped}`);
  const samples = new Map<string, TabSample[]>([a, b].map((base) => [base, []]));
  try {
    for (let k = 0; k < SAMPLES; k++) {
      for (const base of k % 2 ? [b, a] : [a, b]) samples.get(base)!.push(await measureTab(opened.browser, `${base}/s/${ids.get(base)}`));
    }
  } finally {
    await opened.browser.close();
  }
  const p50 = (base: string, key: keyof TabSample) =>
    percentile(
      samples.get(base)!.map((s) => s[key]),
      50,
    );
  const keys = ["firstPaintMs", "loadMs", "longestTaskMs", "blockingMs", "jumpToEndFrameMs"] as const;
  console.log(`\n${n} messages, a reader's tab, ${SAMPLES} first visits each (p50 ms)`);
  console.log(`| server | ${keys.join(" | ")} | DOM elements |\n|---|${keys.map(() => "---|").join("")}---|`);
  for (const base of [a, b]) console.log(`| ${base} | ${keys.map((k) => p50(base, k).toFixed(0)).join(" | ")} | ${samples.get(base)![0].domElements} |`);
  console.log(`B / A at p50: ${keys.map((k) => `${k} ${(p50(b, k) / p50(a, k)).toFixed(2)}x`).join(", ")}`);
}

void main();
