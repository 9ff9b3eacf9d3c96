// Which turns a sync changed: exactly the turn whose messages or parts differ, a new turn, the
// files-changed section, the header; nothing for a sync that changed nothing the page shows.
import { describe, expect, it } from "vitest";
import { planConversation } from "@/components/conversation/conversation";
import type { DataItem } from "../schema";
import { buildConversation } from "../view/conversation";
import { changedTurns, digestPlan, FILES, HEADER } from "./digests";

const S = "ses_d";
const user = (id: string, at: number, text: string): DataItem[] =>
  [
    { type: "message", data: { id, sessionID: S, role: "user", time: { created: at } } },
    { type: "part", data: { id: `prt_${id}`, messageID: id, sessionID: S, type: "text", text } },
  ] as DataItem[];
const answer = (id: string, parentID: string, at: number, text: string): DataItem[] =>
  [
    { type: "message", data: { id, sessionID: S, parentID, role: "assistant", modelID: "m", providerID: "p", time: { created: at } } },
    { type: "part", data: { id: `prt_${id}`, messageID: id, sessionID: S, type: "text", text } },
  ] as DataItem[];
const digests = (items: DataItem[]) => digestPlan(planConversation(buildConversation(items), "share"));

describe("changedTurns", () => {
  const base = [...user("msg_1", 1, "First"), ...answer("msg_2", "msg_1", 2, "One"), ...user("msg_3", 3, "Second"), ...answer("msg_4", "msg_3", 4, "Two")];

  it("names nothing when nothing changed", () => {
    expect(changedTurns(digests(base), digests(structuredClone(base)))).toEqual([]);
  });

  it("names the one turn whose answer grew", () => {
    const grown = [...base.slice(0, 6), ...answer("msg_4", "msg_3", 4, "Two, and more")];
    expect(changedTurns(digests(base), digests(grown))).toEqual(["msg_3"]);
  });

  it("names a new turn, and the header (its counts), and nothing else", () => {
    const more = [...base, ...user("msg_5", 5, "Third")];
    expect(changedTurns(digests(base), digests(more))).toEqual(["msg_5", HEADER]);
  });

  it("a new file diff changes the files section, the header, and the turns with a patch part (their link to it)", () => {
    const patch = { type: "part", data: { id: "prt_patch", messageID: "msg_4", sessionID: S, type: "patch", hash: "h", files: ["/p/a.ts"] } } as DataItem;
    const diff = { type: "session_diff", data: [{ path: "a.ts", patch: "@@ -1 +1 @@\n-a\n+b\n" }] } as unknown as DataItem;
    const before = [...base, patch];
    expect(changedTurns(digests(before), digests([...before, diff]))).toEqual(["msg_3", FILES, HEADER]);
  });

  it("every turn, the files section and the header are new to an empty page", () => {
    expect(changedTurns(new Map(), digests(base))).toEqual(["msg_1", "msg_3", FILES, HEADER]);
  });
});
