/** The capability catalogue: the one place that knows the capabilities, their labels, order, groups and callouts. */

export const CAPABILITY_KEYS = [
  "chat",
  "completions",
  "embeddings",
  "function_calling",
  "files",
  "batches",
  "assistants",
  "responses",
  "audio.speech",
  "audio.transcriptions",
  "audio.translations",
  "image.generations",
  "image.edits",
  "video.generations",
  "realtime",
] as const;

export type CapabilityKey = (typeof CAPABILITY_KEYS)[number];

export const GROUP_IDS = [
  "text-generation",
  "advanced-text-generation",
  "processing",
  "audio",
  "image",
  "video",
  "realtime",
] as const;

export type GroupId = (typeof GROUP_IDS)[number];

export interface CapabilityDefinition {
  key: CapabilityKey;
  /** The key's parts, for reading it out of a provider file: `["audio", "speech"]`. */
  path: readonly string[];
  /** Anchor id of the capability's row, e.g. `audio-speech`. */
  id: string;
  /** Label in the upstream-paths table, e.g. "Image generations". */
  label: string;
  /** Label inside its group's table, e.g. "Generations". */
  groupLabel: string;
  group: GroupId;
  /** The gateway route type this capability normally uses. */
  routeType: string;
}

/** A callout box: `info` for advice, `warning` for something that breaks if ignored. */
export interface Callout {
  kind: "info" | "warning";
  /** Inline Markdown. */
  text: string;
}

export interface GroupDefinition {
  id: GroupId;
  /** Anchor id of the group's heading; never the same as a capability's row id. */
  anchor: string;
  title: string;
  /** Intro sentence; `{name}` stands for the provider's name. Inline Markdown. */
  intro: string;
  calloutsBefore: Callout[];
  calloutsAfter: Callout[];
}

const capability = (
  key: CapabilityKey,
  label: string,
  groupLabel: string,
  group: GroupId,
  routeType: string,
): CapabilityDefinition => ({
  key,
  path: key.split("."),
  id: key.replace(/[._]/g, "-"),
  label,
  groupLabel,
  group,
  routeType,
});

/** The 15 capabilities, in canonical order. */
export const CAPABILITIES: readonly CapabilityDefinition[] = [
  capability("chat", "Chat completions", "Chat completions", "text-generation", "llm/v1/chat"),
  capability("completions", "Completions", "Completions", "text-generation", "llm/v1/completions"),
  capability("embeddings", "Embeddings", "Embeddings", "text-generation", "llm/v1/embeddings"),
  capability("function_calling", "Function calling", "Function calling", "advanced-text-generation", "llm/v1/chat"),
  capability("files", "Files", "Files", "processing", "llm/v1/files"),
  capability("batches", "Batches", "Batches", "processing", "llm/v1/batches"),
  capability("assistants", "Assistants", "Assistants", "processing", "llm/v1/assistants"),
  capability("responses", "Responses", "Responses", "processing", "llm/v1/responses"),
  capability("audio.speech", "Speech", "Speech", "audio", "audio/v1/audio/speech"),
  capability("audio.transcriptions", "Transcriptions", "Transcriptions", "audio", "audio/v1/audio/transcriptions"),
  capability("audio.translations", "Translations", "Translations", "audio", "audio/v1/audio/translations"),
  capability("image.generations", "Image generations", "Generations", "image", "image/v1/images/generations"),
  capability("image.edits", "Image edits", "Edits", "image", "image/v1/images/edits"),
  capability("video.generations", "Video generations", "Generations", "video", "video/v1/videos/generations"),
  capability("realtime", "Realtime", "Realtime", "realtime", "realtime/v1/realtime"),
];

/** Every route type the AI Proxy plugin accepts (Kong Gateway 3.15 schema). */
export const ROUTE_TYPES: readonly string[] = [
  "audio/v1/audio/speech",
  "audio/v1/audio/transcriptions",
  "audio/v1/audio/translations",
  "image/v1/images/edits",
  "image/v1/images/generations",
  "llm/v1/assistants",
  "llm/v1/batches",
  "llm/v1/chat",
  "llm/v1/completions",
  "llm/v1/embeddings",
  "llm/v1/files",
  "llm/v1/responses",
  "preserve",
  "realtime/v1/realtime",
  "video/v1/videos/generations",
];

const bodySizeCallout = (what: string): Callout => ({
  kind: "info",
  text:
    `For requests with large payloads (${what}), consider increasing \`config.max_request_body_size\` to three ` +
    `times the raw binary size.`,
});

/** The 7 groups, in the order their sections appear. */
export const GROUPS: readonly GroupDefinition[] = [
  {
    id: "text-generation",
    anchor: "text-generation",
    title: "Text generation",
    intro: "Support for {name} basic text generation capabilities including chat, completions, and embeddings:",
    calloutsBefore: [],
    calloutsAfter: [],
  },
  {
    id: "advanced-text-generation",
    anchor: "advanced-text-generation",
    title: "Advanced text generation",
    intro: "Support for {name} function calling to allow {name} models to use external tools and APIs:",
    calloutsBefore: [],
    calloutsAfter: [],
  },
  {
    id: "processing",
    anchor: "processing",
    title: "Processing",
    intro: "Support for {name} file operations, batch operations, assistants, and response handling:",
    calloutsBefore: [],
    calloutsAfter: [],
  },
  {
    id: "audio",
    anchor: "audio",
    title: "Audio",
    intro: "Support for {name} text-to-speech, transcription, and translation capabilities:",
    calloutsBefore: [],
    calloutsAfter: [bodySizeCallout("audio transcription/translation")],
  },
  {
    id: "image",
    anchor: "image",
    title: "Image",
    intro: "Support for {name} image generation and editing capabilities:",
    calloutsBefore: [],
    calloutsAfter: [bodySizeCallout("image edits")],
  },
  {
    id: "video",
    anchor: "video",
    title: "Video",
    intro: "Support for {name} video generation capabilities:",
    calloutsBefore: [],
    calloutsAfter: [bodySizeCallout("video generation")],
  },
  {
    // The realtime capability row has the id `realtime`.
    id: "realtime",
    anchor: "realtime-capabilities",
    title: "Realtime",
    intro: "Support for {name}'s bidirectional streaming for realtime applications:",
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
    calloutsAfter: [],
  },
];

const capabilityByKey = new Map(CAPABILITIES.map((c) => [c.key, c]));

/** Looks up a capability definition by its key (`audio.speech`). */
export function capabilityDefinition(key: CapabilityKey): CapabilityDefinition {
  return capabilityByKey.get(key)!;
}

/** Capabilities whose APIs answer later, not as a stream: a file upload and a batch job return a handle to poll. */
export const NON_STREAMING_CAPABILITIES: readonly CapabilityKey[] = ["files", "batches"];
