import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeOmission, limitAttachments, omittedAttachment } from "./attachments";
import { dataUrlByteLength, decodeDataUrl } from "../view/data-url";
import { validateItem } from "./items";

type Item = { type: string; data: Record<string, any> };
const fixture: Item[] = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "e2e", "fixtures", "attachment", "share-data.json"), "utf8"));
const parts = fixture.filter((i) => i.type === "part");
const screenshot = parts.find((i) => i.data.filename === "huge-screenshot.png")!;
const gradient = parts.find((i) => i.data.filename === "gradient-64.png")!;
const readTool = parts.find((i) => i.data.type === "tool" && i.data.state.attachments)!;
const MiB = 1024 * 1024;

describe("dataUrlByteLength", () => {
  it("matches the decoded size of the fixtures' real base64 images", () => {
    for (const item of [screenshot, gradient]) {
      expect(dataUrlByteLength(item.data.url)).toBe(decodeDataUrl(item.data.url)!.bytes.length);
    }
    expect(dataUrlByteLength(screenshot.data.url)).toBeGreaterThan(2.5 * MiB); // about 2.9 MiB of JPEG
  });

  it("counts percent-escapes of plain data: URLs and ignores other URLs", () => {
    expect(dataUrlByteLength("data:text/plain,a%20b")).toBe(3);
    expect(decodeDataUrl("data:text/plain,a%20b")!.bytes.toString()).toBe("a b");
    expect(dataUrlByteLength("file:///home/dev/x.ts")).toBeNull();
    expect(dataUrlByteLength("https://example.com/x.png")).toBeNull();
  });
});

describe("limitAttachments", () => {
  it("stubs the real 3 MB screenshot at a 1 MiB limit and keeps everything else as is", () => {
    const { data, degraded } = limitAttachments(fixture, MiB);
    const original = dataUrlByteLength(screenshot.data.url)!;
    expect(degraded).toEqual([
      {
        index: fixture.indexOf(screenshot),
        key: `part/${screenshot.data.messageID}/${screenshot.data.id}`,
        path: "data.url",
        filename: "huge-screenshot.png",
        mime: "image/jpeg",
        reason: "too_large",
        originalBytes: original,
        limitBytes: MiB,
      },
    ]);
    const stub = data[fixture.indexOf(screenshot)] as Item;
    expect(stub.data).toEqual({ ...screenshot.data, url: "", parley: { omitted: true, reason: "too_large", originalBytes: original, limitBytes: MiB } });
    expect(omittedAttachment(stub.data)).toEqual({ omitted: true, reason: "too_large", originalBytes: original, limitBytes: MiB });
    expect(validateItem(stub).ok).toBe(true);
    // Every other item is the very same object.
    data.forEach((item, i) => i !== fixture.indexOf(screenshot) && expect(item).toBe(fixture[i]));
  });

  it("keeps every attachment under the default 16 MiB limit", () => {
    const { data, degraded } = limitAttachments(fixture, 16 * MiB);
    expect(degraded).toEqual([]);
    data.forEach((item, i) => expect(item).toBe(fixture[i]));
  });

  it("stubs a tool state's attachment and reports its path", () => {
    const size = dataUrlByteLength(readTool.data.state.attachments[0].url)!;
    const { data, degraded } = limitAttachments([readTool], size - 1);
    expect(degraded).toMatchObject([{ index: 0, path: "data.state.attachments.0.url", mime: "image/png", originalBytes: size, limitBytes: size - 1 }]);
    const stubbed = (data[0] as Item).data.state.attachments[0];
    expect(stubbed.url).toBe("");
    expect(stubbed.mime).toBe("image/png");
    expect(omittedAttachment(stubbed)?.originalBytes).toBe(size);
    expect((data[0] as Item).data.state.output).toBe(readTool.data.state.output);
    expect(readTool.data.state.attachments[0].url).toMatch(/^data:/); // the input is not mutated
  });

  it("leaves non-parts, file:// urls and malformed items for validation to judge", () => {
    const input = [
      null,
      { type: "session", data: { url: "data:text/plain,xx" } },
      { type: "part", data: { type: "file", url: "file:///big" } },
      { type: "part", data: "nope" },
    ];
    const { data, degraded } = limitAttachments(input, 1);
    expect(degraded).toEqual([]);
    expect(data).toEqual(input);
  });
});

describe("describeOmission", () => {
  it("words the issue's example", () => {
    expect(describeOmission({ omitted: true, reason: "too_large", originalBytes: 38 * MiB, limitBytes: 16 * MiB })).toBe(
      "not included: 38 MB is over this server's 16 MB limit",
    );
  });

  it("ignores a marker that is not ours", () => {
    expect(omittedAttachment({ url: "", parley: { omitted: "yes" } })).toBeNull();
    expect(omittedAttachment({ url: "data:," })).toBeNull();
  });
});
