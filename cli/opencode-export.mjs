// An `opencode export` file ({info, messages: [{info, parts}]}) as the items a client's full sync
// sends: the session, every message, every part. It is OpenCode's own data, so nothing is mapped.

/** Whether `value` has the shape `opencode export` writes. */
export function isOpencodeExport(value) {
  return !!value && typeof value === "object" && !!value.info && typeof value.info.id === "string" && Array.isArray(value.messages);
}

export function convertOpencodeExport(value) {
  const items = [{ type: "session", data: value.info }];
  const parts = [];
  let unknown = 0;
  for (const m of value.messages) {
    if (!m || typeof m.info?.id !== "string") {
      unknown++;
      continue;
    }
    items.push({ type: "message", data: m.info });
    for (const p of Array.isArray(m.parts) ? m.parts : []) parts.push({ type: "part", data: p });
  }
  return { items: [...items, ...parts], unknown, skipped: 0, sessionID: value.info.id, title: String(value.info.title ?? "") };
}
