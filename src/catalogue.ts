/** The capability catalogue: the one place that knows the capabilities, their labels, order, groups and callouts. */

/** A callout box: `info` for advice, `warning` for something that breaks if ignored; its text is inline Markdown. */
type Callout = { kind: "info" | "warning"; text: string };

// key, label, label inside its group's table, group, usual route type; in canonical order.
const CAPABILITY_ROWS = [
  ["chat", "Chat completions", "Chat completions", "text-generation", "llm/v1/chat"],
  ["completions", "Completions", "Completions", "text-generation", "llm/v1/completions"],
  ["embeddings", "Embeddings", "Embeddings", "text-generation", "llm/v1/embeddings"],
  ["function_calling", "Function calling", "Function calling", "advanced-text-generation", "llm/v1/chat"],
  ["files", "Files", "Files", "processing", "llm/v1/files"],
  ["batches", "Batches", "Batches", "processing", "llm/v1/batches"],
  ["assistants", "Assistants", "Assistants", "processing", "llm/v1/assistants"],
  ["responses", "Responses", "Responses", "processing", "llm/v1/responses"],
  ["audio.speech", "Speech", "Speech", "audio", "audio/v1/audio/speech"],
  ["audio.transcriptions", "Transcriptions", "Transcriptions", "audio", "audio/v1/audio/transcriptions"],
  ["audio.translations", "Translations", "Translations", "audio", "audio/v1/audio/translations"],
  ["image.generations", "Image generations", "Generations", "image", "image/v1/images/generations"],
  ["image.edits", "Image edits", "Edits", "image", "image/v1/images/edits"],
  ["video.generations", "Video generations", "Generations", "video", "video/v1/videos/generations"],
  ["realtime", "Realtime", "Realtime", "realtime", "realtime/v1/realtime"],
] as const;

export type CapabilityKey = (typeof CAPABILITY_ROWS)[number][0];
export type GroupId = (typeof CAPABILITY_ROWS)[number][3];

/** The 15 capabilities, in canonical order. */
export const CAPABILITIES = CAPABILITY_ROWS.map(([key, label, groupLabel, group, routeType]) => ({
  key: key as CapabilityKey,
  /** The key's parts, for reading it out of a provider file: `["audio", "speech"]`. */
  path: key.split("."),
  /** Anchor id of the capability's row, e.g. `audio-speech`. */
  id: key.replace(/[._]/g, "-"),
  /** Label in the upstream-paths table, e.g. "Image generations". */
  label: label as string,
  /** Label inside its group's table, e.g. "Generations". */
  groupLabel: groupLabel as string,
  group: group as GroupId,
  /** The gateway route type this capability normally uses. */
  routeType: routeType as string,
}));

export type CapabilityDefinition = (typeof CAPABILITIES)[number];

const bodySizeCallout = (what: string): Callout => ({
  kind: "info",
  text:
    `For requests with large payloads (${what}), consider increasing \`config.max_request_body_size\` to three ` +
    `times the raw binary size.`,
});

/** A group: its heading's anchor (never a capability row's id), title, callouts (its intro: `prose/group-intro`). */
const group = (
  id: GroupId,
  title: string,
  extra: { anchor?: string; calloutsBefore?: Callout[]; calloutsAfter?: Callout[] } = {},
) => ({
  id,
  anchor: id as string,
  title,
  calloutsBefore: [] as Callout[],
  calloutsAfter: [] as Callout[],
  ...extra,
});

/** The 7 groups, in the order their sections appear. */
export const GROUPS = [
  group("text-generation", "Text generation"),
  group("advanced-text-generation", "Advanced text generation"),
  group("processing", "Processing"),
  group("audio", "Audio", { calloutsAfter: [bodySizeCallout("audio transcription/translation")] }),
  group("image", "Image", { calloutsAfter: [bodySizeCallout("image edits")] }),
  group("video", "Video", { calloutsAfter: [bodySizeCallout("video generation")] }),
  // Its anchor is not `realtime`: that is the realtime capability row's id.
  group("realtime", "Realtime", {
    anchor: "realtime-capabilities",
    calloutsBefore: [
      {
        kind: "warning",
        text:
          "Realtime processing requires the [AI Proxy Advanced]({pluginDocs}/plugins/ai-proxy-advanced/) " +
          "plugin and uses WebSocket protocol.\n\n" +
          "To use the realtime route, you must configure the protocols `ws` and/or `wss` on both the Service " +
          "and on the Route where the plugin is associated.",
      },
    ],
  }),
];

/** Capabilities whose APIs answer later, not as a stream: a file upload and a batch job return a handle to poll. */
export const NON_STREAMING_CAPABILITIES: readonly CapabilityKey[] = ["files", "batches"];
