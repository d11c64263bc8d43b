// Moved to the registry, whose link check reads legacy HTML as the renderer does (render -> registry).
export { codeSpan, decodeEntities, legacyHtmlToMarkdown } from "../registry/legacy-html.ts";
