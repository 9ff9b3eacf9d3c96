// The real OpenCode 1.18.33 client (npm `opencode-linux-x64`) shares to Parley: `opencode serve` with
// `enterprise.url` pointing at the Parley under test and a scripted model, driven over its own HTTP API.
// Then `opencode import` of the Parley link on a second, empty machine, the unshare, and `share: "auto"`.
import { expect, test, type TestInfo } from "@playwright/test";
import { byKey, type DataItem } from "./support/fixtures";
import { startMockModel, type MockModel } from "./support/mock-model";
import { findOpencode, opencodeConfig, Sandbox, type MessageWithParts, type OpencodeServer, type SessionInfo } from "./support/opencode";
import { AUTO_ANSWER, AUTO_PROMPT, FINAL_HEADING, FINAL_TEXT, TOUR_PROMPT, tourScripts } from "./support/opencode-script";

const opencode = findOpencode();
if ("skip" in opencode) console.warn(`opencode-client.spec.ts skipped: ${opencode.skip}`);
const TITLE = "Tour of the greeter project";

const parleyURL = (info: TestInfo) => info.project.use.baseURL!;

type Share = { id: string; url: string };

async function parleyData(baseURL: string, id: string): Promise<DataItem[]> {
  const res = await fetch(`${baseURL}/api/share/${id}/data`);
  expect(res.status, `GET /api/share/${id}/data`).toBe(200);
  return res.json();
}

/** The client's own view of a session, keyed like the share protocol (session, message/…, part/…/…). */
function clientItems(session: SessionInfo, messages: MessageWithParts[]): Map<string, unknown> {
  const items = new Map<string, unknown>([["session", session]]);
  for (const m of messages) {
    items.set(`message/${m.info.id}`, m.info);
    for (const p of m.parts) items.set(`part/${m.info.id}/${p.id}`, p);
  }
  return items;
}

/** Keys whose value differs between the client and Parley (missing on either side counts). */
function differences(client: Map<string, unknown>, parley: Map<string, DataItem>): string[] {
  const keys = new Set([...client.keys(), ...[...parley.keys()].filter((k) => k === "session" || /^(message|part)\//.test(k))]);
  return [...keys].filter((k) => JSON.stringify(sortKeys(client.get(k))) !== JSON.stringify(sortKeys(parley.get(k)?.data))).sort();
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  return value;
}

function toolParts(messages: MessageWithParts[]) {
  return messages.flatMap((m) => m.parts).filter((p) => p.type === "tool") as unknown as {
    tool: string;
    state: { status: string; error?: string; metadata?: Record<string, unknown> };
  }[];
}

test.describe("the real OpenCode client, share: manual", () => {
  test.skip("skip" in opencode, "skip" in opencode ? opencode.skip : "");
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  let mock: MockModel | undefined;
  let sandbox: Sandbox | undefined;
  let importer: Sandbox | undefined;
  let server: OpencodeServer | undefined;
  let session: SessionInfo;
  let share: Share;
  let messages: MessageWithParts[];

  test.beforeAll(async ({}, info) => {
    if (!("bin" in opencode)) return;
    mock = await startMockModel();
    sandbox = new Sandbox(opencode.bin, opencodeConfig({ parleyURL: parleyURL(info), modelURL: mock.url, share: "manual" }));
    mock.scripts.push(...tourScripts(sandbox.project));
    server = await sandbox.serve();
  });

  test.afterAll(async () => {
    await server?.stop();
    await mock?.close();
    sandbox?.dispose();
    importer?.dispose();
  });

  test("shares a session, runs a turn with tools and a subagent, and Parley holds exactly what the client has", async ({}, info) => {
    const baseURL = parleyURL(info);
    session = await server!.createSession(TITLE);
    expect(session.share).toBeUndefined();

    // POST /session/:id/share makes the client call Parley's POST /api/share and keep the url it answers.
    const shared = await server!.share(session.id);
    expect(shared.share?.url).toMatch(new RegExp(`^${baseURL}/s/[A-Za-z0-9_-]{22,}$`));
    share = { url: shared.share!.url, id: shared.share!.url.split("/").pop()! };

    await server!.prompt(session.id, TOUR_PROMPT);
    expect(mock!.unexpected).toEqual([]);
    await expect.poll(async () => (await server!.status())[session.id]?.type ?? "idle").toBe("idle");

    // The syncs trail the turn by about a second per batch: wait until Parley matches the client.
    await expect
      .poll(
        async () => {
          const [info, msgs] = await Promise.all([server!.getSession(session.id), server!.messages(session.id)]);
          session = info;
          messages = msgs;
          return differences(clientItems(info, msgs), byKey(await parleyData(baseURL, share.id)));
        },
        { timeout: 30_000, intervals: [500, 1_000] },
      )
      .toEqual([]);

    // The script really ran: the client's own record has every kind of part the model produced.
    expect(messages.map((m) => m.info.role)).toEqual(["user", ...Array(8).fill("assistant")]);
    const parts = messages.flatMap((m) => m.parts);
    expect(parts.find((p) => p.type === "reasoning")).toBeTruthy();
    expect(parts.some((p) => p.type === "text" && String(p.text).includes(FINAL_TEXT))).toBe(true);
    const tools = toolParts(messages);
    expect(tools.map((t) => `${t.tool}:${t.state.status}`)).toEqual([
      "bash:completed",
      "todowrite:completed",
      "write:completed",
      "read:completed",
      "edit:completed",
      "read:error",
      "task:completed",
    ]);
    expect(tools.find((t) => t.state.status === "error")?.state.error).toContain("missing.md");

    // Parley holds every message and part, byte for byte as the client has them, plus model and diff.
    const data = await parleyData(baseURL, share.id);
    const stored = byKey(data);
    expect(stored.size).toBe(data.length);
    expect(stored.size).toBe(clientItems(session, messages).size + 2);
    expect(stored.get("model")?.data).toEqual([expect.objectContaining({ id: "mock-1", providerID: "mock" })]);
    expect(stored.get("session_diff")).toBeDefined();
    expect(stored.get("session")?.data).toMatchObject({ id: session.id, title: TITLE, share: { url: share.url } });

    // The subagent ran in a child session of its own, which the client does not share.
    const children = await server!.children(session.id);
    expect(children).toHaveLength(1);
    const task = tools.find((t) => t.tool === "task")!;
    expect(task.state.metadata?.sessionId).toBe(children[0].id);
    expect(mock!.requests.filter((r) => r.sessionId === children[0].id).length).toBe(2);
    expect(data.filter((i) => (i.data as { sessionID?: string }).sessionID === children[0].id)).toEqual([]);
  });

  test("the viewer shows the shared conversation in Chromium", async ({ page }) => {
    const res = await page.goto(new URL(share.url).pathname);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    await expect(page.getByText(TOUR_PROMPT).first()).toBeVisible();
    await expect(page.getByText("Let me look at the project first.").first()).toBeVisible();
    await expect(page.getByText(FINAL_HEADING).first()).toBeVisible();
    await expect(page.getByText(FINAL_TEXT).first()).toBeVisible();
  });

  test("opencode import <parley>/share/<id> on another machine rebuilds the same session", async ({}, info) => {
    const importURL = `${parleyURL(info)}/share/${share.id}`;
    importer = new Sandbox(sandbox!.bin, sandbox!.config);
    // import exits 0 even when it fails (it prints "Invalid URL format" or "Failed to fetch share
    // data"), so its output and the exported copy are what prove it worked.
    const imported = await importer.run(["import", importURL]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`Imported session: ${session.id}`);

    const exported = await importer.run(["export", session.id]);
    expect(exported.code, exported.stderr).toBe(0);
    const copy = JSON.parse(exported.stdout.slice(exported.stdout.indexOf("{"))) as { info: SessionInfo; messages: MessageWithParts[] };
    expect(copy.info.id).toBe(session.id);
    expect(copy.info.title).toBe(TITLE);
    expect(copy.messages.map((m) => m.info.id)).toEqual(messages.map((m) => m.info.id));
    for (const [i, m] of messages.entries()) {
      expect(copy.messages[i].parts.map((p) => p.id)).toEqual(m.parts.map((p) => p.id));
      expect(sortKeys(copy.messages[i].parts)).toEqual(sortKeys(m.parts));
    }
  });

  test("unsharing through the client makes Parley answer 410", async ({ request }, info) => {
    const baseURL = parleyURL(info);
    // The client awaits Parley's DELETE /api/share/:id before it answers, so the share is gone already.
    // (1.18.33 keeps the old share.url on the session it returns and on GET /session/:id afterwards.)
    await server!.unshare(session.id);
    const data = await fetch(`${baseURL}/api/share/${share.id}/data`);
    expect(data.status).toBe(410);
    expect((await data.json()).error.code).toBe("gone");
    for (const page of [`/s/${share.id}`, `/share/${share.id}`]) {
      const res = await request.get(page);
      expect(res.status(), page).toBe(410);
      expect(await res.text()).not.toContain(FINAL_TEXT);
    }
  });
});

test.describe("the real OpenCode client, share: auto", () => {
  test.skip("skip" in opencode, "skip" in opencode ? opencode.skip : "");
  test.describe.configure({ timeout: 150_000 });

  test("a new session appears on Parley without any share call, and deleting it unshares it", async ({}, info) => {
    if (!("bin" in opencode)) return;
    const baseURL = parleyURL(info);
    const mock = await startMockModel();
    const sandbox = new Sandbox(opencode.bin, opencodeConfig({ parleyURL: baseURL, modelURL: mock.url, share: "auto" }));
    mock.scripts.push(...tourScripts(sandbox.project));
    let server: OpencodeServer | undefined;
    try {
      server = await sandbox.serve();
      const created = await server.createSession("Shared on its own");

      // The client shares a new top-level session right after creating it, in the background.
      let url: string | undefined;
      await expect.poll(async () => (url = (await server!.getSession(created.id)).share?.url), { timeout: 15_000 }).toBeTruthy();
      expect(url).toMatch(new RegExp(`^${baseURL}/s/[A-Za-z0-9_-]{22,}$`));
      const id = url!.split("/").pop()!;

      await server.prompt(created.id, AUTO_PROMPT);
      await expect
        .poll(
          async () => {
            const items = byKey(await parleyData(baseURL, id));
            return {
              session: (items.get("session")?.data as { id?: string; title?: string } | undefined)?.title,
              answered: [...items.values()].some((i) => i.type === "part" && (i.data as { text?: string }).text === AUTO_ANSWER),
            };
          },
          { timeout: 30_000, intervals: [500, 1_000] },
        )
        .toEqual({ session: "Shared on its own", answered: true });
      expect(mock.unexpected).toEqual([]);

      // Deleting a shared session locally unshares it too.
      await server.request("DELETE", `/session/${created.id}`);
      await expect.poll(async () => (await fetch(`${baseURL}/api/share/${id}/data`)).status, { timeout: 10_000 }).toBe(410);
    } finally {
      await server?.stop();
      await mock.close();
      sandbox.dispose();
    }
  });
});
