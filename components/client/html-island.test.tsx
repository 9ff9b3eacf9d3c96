// <HtmlIsland> and its server half: HTML parked by the page is taken by server-side rendering of
// the same request, exactly once, and never kept for long.
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderToString } from "react-dom/server";
import { parkedStats, parkHtml } from "@/lib/render/islands";
import { renderToHtml } from "@/lib/render/html";
import { HtmlIsland } from "./html-island";

afterEach(() => {
  vi.useRealTimers();
});

describe("HtmlIsland", () => {
  it("server-side rendering places the parked HTML verbatim, and `taken` settles", async () => {
    const { id, taken } = parkHtml('<section class="turn"><p>parked &amp; placed</p></section>');
    let settled = false;
    void taken.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    const html = renderToString(<HtmlIsland id={id} />);
    expect(html).toBe(`<div class="html-island" data-island="${id}"><section class="turn"><p>parked &amp; placed</p></section><template data-island-end></template></div>`);
    await taken;
    expect(settled).toBe(true);
  });

  it("an inline island (RSC payload only) renders the HTML it is given", () => {
    expect(renderToString(<HtmlIsland id="" html="<p>inline</p>" />)).toBe('<div class="html-island"><p>inline</p><template data-island-end></template></div>');
  });

  it("an unknown key is an error, not an empty page", () => {
    expect(() => renderToString(<HtmlIsland id="no-such-island" />)).toThrow(/missing/);
  });

  it("entries are dropped 1 s after they are taken, and 30 s after they were parked if never taken", async () => {
    vi.useFakeTimers();
    const before = parkedStats();
    const taken = parkHtml("<p>a</p>", 10);
    parkHtml("<p>b</p>", 10);
    expect(parkedStats()).toEqual({ entries: before.entries + 2, bytes: before.bytes + 32 });
    renderToString(<HtmlIsland id={taken.id} />);
    vi.advanceTimersByTime(1_000);
    expect(parkedStats().entries).toBe(before.entries + 1);
    vi.advanceTimersByTime(29_000);
    expect(parkedStats()).toEqual(before);
  });

  it("past the byte bound, the oldest entries not yet taken go first", async () => {
    const before = parkedStats();
    const limit = before.bytes + 3 * 2 * 1000;
    const a = parkHtml("a".repeat(1000), 10, limit);
    const b = parkHtml("b".repeat(1000), 10, limit);
    renderToString(<HtmlIsland id={a.id} />); // taken: stays for its grace period
    const c = parkHtml("c".repeat(1000), 10, limit);
    expect(parkedStats().entries).toBe(before.entries + 3);
    parkHtml("d".repeat(1000), 10, limit);
    expect(parkedStats().entries).toBe(before.entries + 3);
    expect(() => renderToString(<HtmlIsland id={b.id} />)).toThrow(/missing/);
    expect(renderToString(<HtmlIsland id={c.id} />)).toContain("ccc");
  });

  it("`taken` settles after the wait even when nothing takes it (the client went away)", async () => {
    const { taken } = parkHtml("<p>never taken</p>", 20);
    await expect(taken).resolves.toBeUndefined();
  });
});

describe("renderToHtml", () => {
  it("renders async server components and escapes text", async () => {
    async function Slow({ text }: { text: string }) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return <p title={text}>{text}</p>;
    }
    const html = await renderToHtml(
      <>
        <Slow text="<script>alert(1)</script>" />
        <Slow text="two" />
      </>,
    );
    expect(html).toBe('<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</p><p title="two">two</p>');
  });

  it("rejects with the first error a component throws", async () => {
    function Broken(): never {
      throw new Error("broken part");
    }
    await expect(renderToHtml(<Broken />)).rejects.toThrow("broken part");
  });
});
