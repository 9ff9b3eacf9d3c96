// The single source of truth for every shape that crosses a boundary: the OpenCode share wire format
// (generation B, opencode 1.18.x) and Parley's own API responses.
//
// Every object schema is loose: unknown fields are kept verbatim, so a newer client never loses data.
// Validation checks only what the viewer relies on (ids, discriminators, the fields renderers read).
import { z } from "zod";

const epochMs = z.number().finite();

// Ids become parts of storage keys (`part/<messageID>/<id>`): a "/" would let two different items share
// a key, and control characters (NUL) are not storable in PostgreSQL text. OpenCode ids are base62.
export const idSchema = z.string().regex(/^[^/\u0000-\u001f]{1,256}$/, "ids are 1-256 characters without '/' or control characters");
const tokensSchema = z.looseObject({
  input: z.number().optional(),
  output: z.number().optional(),
  reasoning: z.number().optional(),
  total: z.number().optional(),
  cache: z.looseObject({ read: z.number().optional(), write: z.number().optional() }).optional(),
});
export type Tokens = z.infer<typeof tokensSchema>;

export const fileDiffSchema = z.looseObject({
  file: z.string().optional(),
  path: z.string().optional(),
  before: z.string().optional(),
  after: z.string().optional(),
  patch: z.string().optional(),
  status: z.string().optional(),
  additions: z.number().optional(),
  deletions: z.number().optional(),
});
export type FileDiff = z.infer<typeof fileDiffSchema>;

export const sessionSchema = z.looseObject({
  id: idSchema,
  title: z.string().optional(),
  directory: z.string().optional(),
  version: z.string().optional(),
  parentID: z.string().optional(),
  agent: z.string().optional(),
  cost: z.number().optional(),
  tokens: tokensSchema.optional(),
  summary: z
    .looseObject({
      additions: z.number().optional(),
      deletions: z.number().optional(),
      files: z.number().optional(),
      diffs: z.array(fileDiffSchema).optional(),
    })
    .optional(),
  time: z.looseObject({ created: epochMs, updated: epochMs.optional() }),
});
export type Session = z.infer<typeof sessionSchema>;

export const messageErrorSchema = z.looseObject({
  name: z.string(),
  data: z.looseObject({ message: z.string().optional() }).optional(),
});
export type MessageError = z.infer<typeof messageErrorSchema>;

export const messageSchema = z.looseObject({
  id: idSchema,
  sessionID: idSchema,
  // Only "user" and "assistant" exist today; an unknown role is kept and shown generically.
  role: z.string().min(1),
  time: z.looseObject({ created: epochMs, completed: epochMs.optional() }),
  parentID: z.string().optional(),
  modelID: z.string().optional(),
  providerID: z.string().optional(),
  agent: z.string().optional(),
  mode: z.string().optional(),
  cost: z.number().optional(),
  tokens: tokensSchema.optional(),
  error: messageErrorSchema.optional(),
  model: z.looseObject({ providerID: z.string(), modelID: z.string() }).optional(),
  summary: z.union([z.boolean(), z.looseObject({ diffs: z.array(fileDiffSchema).optional() })]).optional(),
});
export type Message = z.infer<typeof messageSchema>;

const partBase = {
  id: idSchema,
  sessionID: idSchema,
  messageID: idSchema,
};

const jsonRecord = z.record(z.string(), z.unknown());

export const toolStateSchema = z.discriminatedUnion("status", [
  z.looseObject({ status: z.literal("pending"), input: jsonRecord.optional(), raw: z.string().optional() }),
  z.looseObject({
    status: z.literal("running"),
    input: jsonRecord.optional(),
    title: z.string().optional(),
    metadata: jsonRecord.optional(),
  }),
  z.looseObject({
    status: z.literal("completed"),
    input: jsonRecord,
    output: z.string(),
    title: z.string().optional(),
    metadata: jsonRecord.optional(),
    time: z.looseObject({ start: epochMs, end: epochMs.optional(), compacted: epochMs.optional() }).optional(),
    attachments: z.array(z.looseObject({ mime: z.string(), url: z.string() })).optional(),
  }),
  z.looseObject({
    status: z.literal("error"),
    input: jsonRecord.optional(),
    error: z.string(),
    metadata: jsonRecord.optional(),
  }),
]);
export type ToolState = z.infer<typeof toolStateSchema>;

const knownPartSchemas = {
  text: z.looseObject({ ...partBase, type: z.literal("text"), text: z.string(), synthetic: z.boolean().optional() }),
  reasoning: z.looseObject({ ...partBase, type: z.literal("reasoning"), text: z.string() }),
  file: z.looseObject({
    ...partBase,
    type: z.literal("file"),
    mime: z.string(),
    url: z.string(),
    filename: z.string().optional(),
  }),
  tool: z.looseObject({
    ...partBase,
    type: z.literal("tool"),
    callID: z.string(),
    tool: z.string().min(1),
    state: toolStateSchema,
  }),
  "step-start": z.looseObject({ ...partBase, type: z.literal("step-start"), snapshot: z.string().optional() }),
  "step-finish": z.looseObject({
    ...partBase,
    type: z.literal("step-finish"),
    reason: z.string().optional(),
    cost: z.number().optional(),
    tokens: tokensSchema.optional(),
  }),
  snapshot: z.looseObject({ ...partBase, type: z.literal("snapshot"), snapshot: z.string() }),
  patch: z.looseObject({ ...partBase, type: z.literal("patch"), hash: z.string().optional(), files: z.array(z.string()) }),
  agent: z.looseObject({ ...partBase, type: z.literal("agent"), name: z.string() }),
  retry: z.looseObject({ ...partBase, type: z.literal("retry"), attempt: z.number(), error: z.unknown() }),
  compaction: z.looseObject({ ...partBase, type: z.literal("compaction"), auto: z.boolean().optional() }),
  subtask: z.looseObject({
    ...partBase,
    type: z.literal("subtask"),
    prompt: z.string(),
    description: z.string().optional(),
    agent: z.string().optional(),
  }),
} as const;

export type KnownPartType = keyof typeof knownPartSchemas;
export const KNOWN_PART_TYPES = Object.keys(knownPartSchemas) as KnownPartType[];

// A part type we do not know yet still needs ids, so it can be keyed and anchored.
const unknownPartSchema = z.looseObject({ ...partBase, type: z.string().min(1) });

export const partSchema = z.looseObject({ ...partBase, type: z.string().min(1) }).superRefine((part, ctx) => {
  const known = knownPartSchemas[part.type as KnownPartType];
  if (!known) return;
  const result = known.safeParse(part);
  if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue, input: undefined } as never);
});

export type TextPart = z.infer<(typeof knownPartSchemas)["text"]>;
export type ReasoningPart = z.infer<(typeof knownPartSchemas)["reasoning"]>;
export type FilePart = z.infer<(typeof knownPartSchemas)["file"]>;
export type ToolPart = z.infer<(typeof knownPartSchemas)["tool"]>;
export type StepStartPart = z.infer<(typeof knownPartSchemas)["step-start"]>;
export type StepFinishPart = z.infer<(typeof knownPartSchemas)["step-finish"]>;
export type SnapshotPart = z.infer<(typeof knownPartSchemas)["snapshot"]>;
export type PatchPart = z.infer<(typeof knownPartSchemas)["patch"]>;
export type AgentPart = z.infer<(typeof knownPartSchemas)["agent"]>;
export type RetryPart = z.infer<(typeof knownPartSchemas)["retry"]>;
export type CompactionPart = z.infer<(typeof knownPartSchemas)["compaction"]>;
export type SubtaskPart = z.infer<(typeof knownPartSchemas)["subtask"]>;
export type UnknownPart = z.infer<typeof unknownPartSchema> & { type: string };
export type Part =
  | TextPart
  | ReasoningPart
  | FilePart
  | ToolPart
  | StepStartPart
  | StepFinishPart
  | SnapshotPart
  | PatchPart
  | AgentPart
  | RetryPart
  | CompactionPart
  | SubtaskPart;

export const modelSchema = z.looseObject({
  id: z.string().min(1),
  providerID: z.string().min(1),
  name: z.string().optional(),
  headers: z.unknown().optional(),
  options: z.unknown().optional(),
});
export type Model = z.infer<typeof modelSchema>;

// The sync envelope. Known types are validated; any other type is stored verbatim under a key of its own.
export const dataItemSchemas = {
  session: sessionSchema,
  message: messageSchema,
  part: partSchema,
  session_diff: z.array(fileDiffSchema),
  model: z.array(modelSchema),
} as const;
export type KnownItemType = keyof typeof dataItemSchemas;

export const rawDataItemSchema = z.looseObject({ type: z.string().min(1), data: z.unknown() });
export type DataItem = { type: string; data: unknown };

/** The request-level shape of a sync body; items are validated one by one after this. */
export const syncRequestSchema = z
  .object({
    secret: z.string().optional(),
    data: z.array(z.unknown(), { error: "`data` must be an array of sync items" }),
  })
  .loose();

export const createShareRequestSchema = z
  .looseObject({ sessionID: z.string().min(1).max(512).optional(), sessionId: z.string().min(1).max(512).optional() })
  .refine((b) => b.sessionID ?? b.sessionId, { message: "sessionID is required", path: ["sessionID"] });

export const unshareRequestSchema = z.looseObject({ secret: z.string().optional() });

/** PUT /api/share/:id/expiry: exactly one of an absolute time, a duration from now, or null to clear. */
export const expiryRequestSchema = z
  .looseObject({
    secret: z.string().optional(),
    expiresAt: z.union([z.iso.datetime({ offset: true }), z.number().int().positive(), z.null()]).optional(),
    ttl: z.string().optional(),
  })
  .refine((b) => (b.expiresAt !== undefined) !== (b.ttl !== undefined), {
    message: "Send exactly one of expiresAt (ISO time, epoch ms, or null to clear) and ttl (e.g. 30d)",
    path: ["expiresAt"],
  });

export const itemIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ItemIssue = z.infer<typeof itemIssueSchema>;

export type RejectedItem = { index: number; type: string | null; issues: ItemIssue[] };

/**
 * The marker Parley puts on an attachment it did not keep (a file part, or one entry of a completed
 * tool state's `attachments[]`). The attachment keeps `filename` and `mime`; its `url` becomes "" and
 * `parley` says why, so the viewer can say "not included: 38 MB is over this server's 16 MB limit":
 *
 *   { type: "file", mime: "image/png", filename: "shot.png", url: "",
 *     parley: { omitted: true, reason: "too_large", originalBytes: 39845888, limitBytes: 16777216 } }
 */
export const omittedAttachmentSchema = z.object({
  omitted: z.literal(true),
  reason: z.literal("too_large"),
  /** Decoded size of the data: URL the client sent. */
  originalBytes: z.number().int().nonnegative(),
  /** PARLEY_MAX_ATTACHMENT when the item was stored. */
  limitBytes: z.number().int().positive(),
});
export type OmittedAttachment = z.infer<typeof omittedAttachmentSchema>;

/** One attachment of a sync batch that was stored as a stub (see omittedAttachmentSchema). */
export type DegradedItem = {
  /** Index of the item in the request's `data` array. */
  index: number;
  key: string;
  /** Where the attachment sat inside the item: "data.url" or "data.state.attachments.<n>.url". */
  path: string;
  filename?: string;
  mime: string;
  reason: "too_large";
  originalBytes: number;
  limitBytes: number;
};

export type SyncResult = {
  ok: true;
  version: number;
  stored: number;
  rejected: RejectedItem[];
  /** Items stored with an attachment replaced by a stub; empty when nothing was over a limit. */
  degraded: DegradedItem[];
  /** Credentials replaced by `[REDACTED:<kind>]` in this batch before it was stored. */
  redactions: number;
};
