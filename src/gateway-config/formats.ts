import { type CapabilityConfig, type ConfigObject, type ConfigValue, isEnvReference } from "./plugin-config.ts";

/**
 * One capability's plugin configuration, written three ways. Each is text to paste as it is:
 * decK reads secrets with `${{ env "DECK_NAME" }}`, the shell with `$NAME`, and Kong Ingress
 * Controller from a Kubernetes Secret through `configPatches` (KIC 3.1 and later).
 */

export const ADMIN_API = "http://localhost:8001";
export const PLUGIN_NAME = "ai-proxy";

/** decK only substitutes variables whose names start with `DECK_`. */
export const deckVariable = (env: string) => `DECK_${env}`;

// YAML 1.1 and 1.2 read these as booleans or null when unquoted.
const YAML_WORDS = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/** A scalar as YAML: plain when it cannot be misread, else double-quoted (JSON strings are YAML). */
function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  return /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(value) && !YAML_WORDS.test(value) ? value : JSON.stringify(value);
}

/** A block-style YAML mapping, indented by `indent` spaces; environment references written by `env`. */
function yamlMapping(object: ConfigObject, indent: number, env: (value: ConfigValue) => string): string[] {
  const pad = " ".repeat(indent);
  return Object.entries(object).flatMap(([key, value]) => {
    if (isEnvReference(value)) return [`${pad}${key}: ${env(value)}`];
    if (typeof value === "object") {
      return Object.keys(value).length === 0
        ? [`${pad}${key}: {}`]
        : [`${pad}${key}:`, ...yamlMapping(value, indent + 2, env)];
    }
    return [`${pad}${key}: ${yamlScalar(value)}`];
  });
}

/** The decK reference: a plain scalar, which decK fills in before it reads the YAML. */
const deckReference = (value: ConfigValue) => {
  const ref = value as { env: string; prefix: string };
  return `${ref.prefix}\${{ env "${deckVariable(ref.env)}" }}`;
};

/** The configuration as a decK file: one plugin on the route named like the configuration. */
export function deckYaml(config: CapabilityConfig): string {
  return [
    '_format_version: "3.0"',
    "plugins:",
    `  - name: ${PLUGIN_NAME}`,
    `    route: ${yamlScalar(config.name)}`,
    "    config:",
    ...yamlMapping(config.config, 6, deckReference),
  ].join("\n");
}

/** Text inside a single-quoted shell word: each `'` closes the quotes, adds a quoted `'`, reopens. */
const inSingleQuotes = (text: string) => text.replaceAll("'", `'\\''`);

/** JSON whose environment references close the shell's single quotes to expand `"$NAME"`. */
function shellJson(value: ConfigValue, indent: number): string {
  const pad = " ".repeat(indent);
  if (isEnvReference(value)) {
    const prefix = JSON.stringify(value.prefix).slice(1, -1);
    return `"${inSingleQuotes(prefix)}'"$${value.env}"'"`;
  }
  if (typeof value !== "object") return inSingleQuotes(JSON.stringify(value));
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const inner = entries.map(([key, child]) => `${pad}  ${JSON.stringify(key)}: ${shellJson(child, indent + 2)}`);
  return `{\n${inner.join(",\n")}\n${pad}}`;
}

/** The configuration as an Admin API call that adds the plugin to the route. */
export function adminApiCommand(config: CapabilityConfig): string {
  const body = shellJson({ name: PLUGIN_NAME, config: config.config }, 0);
  return [
    `curl -i -X POST ${ADMIN_API}/routes/${config.name}/plugins/ \\`,
    '  --header "Accept: application/json" \\',
    '  --header "Content-Type: application/json" \\',
    `  --data '${body}'`,
  ].join("\n");
}

/** Where a Kubernetes configuration reads each environment reference: a JSON pointer and the Secret's key. */
function secretPatches(
  object: ConfigObject,
  pointer = "",
): { path: string; key: string; env: string; prefix: string }[] {
  return Object.entries(object).flatMap(([key, value]) => {
    const path = `${pointer}/${key}`;
    // The Secret's key names the field it fills (`auth.header_value`), so two fields never share one.
    if (isEnvReference(value))
      return [{ path, key: path.slice(1).replaceAll("/", "."), env: value.env, prefix: value.prefix }];
    return typeof value === "object" ? secretPatches(value, path) : [];
  });
}

/** The tree without its environment references; their parents stay (a JSON patch adds into them). */
function withoutReferences(object: ConfigObject): ConfigObject {
  const kept: ConfigObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (isEnvReference(value)) continue;
    kept[key] = typeof value === "object" ? withoutReferences(value) : value;
  }
  return kept;
}

/** The Kubernetes Secret the KongPlugins of one provider read: `<slug>-ai-proxy`. */
export const secretName = (config: CapabilityConfig) => `${config.slug}-ai-proxy`;

/**
 * The configuration as a KongPlugin for Kong Ingress Controller. Values from the environment
 * come from a Secret through `configPatches`, whose values KIC reads as JSON: the comment at the
 * top creates the Secret with each value JSON-quoted.
 */
export function kongPluginYaml(config: CapabilityConfig): string {
  const patches = secretPatches(config.config);
  const secret = secretName(config);
  const head = patches.length
    ? [
        `# Kong Ingress Controller 3.1 or later. Create the Secret first (the values are JSON strings):`,
        `# kubectl create secret generic ${secret} ${patches
          .map((p) => `--from-literal=${p.key}="\\"${p.prefix}$${p.env}\\""`)
          .join(" ")}`,
      ]
    : [];
  const patchLines = patches.flatMap((p) => [
    `  - path: ${p.path}`,
    "    valueFrom:",
    "      secretKeyRef:",
    `        name: ${secret}`,
    `        key: ${p.key}`,
  ]);
  return [
    ...head,
    "apiVersion: configuration.konghq.com/v1",
    "kind: KongPlugin",
    "metadata:",
    `  name: ${yamlScalar(config.name)}`,
    `plugin: ${PLUGIN_NAME}`,
    "config:",
    ...yamlMapping(withoutReferences(config.config), 2, () => ""),
    ...(patchLines.length ? ["configPatches:", ...patchLines] : []),
  ].join("\n");
}

/** The three formats of one capability's configuration, each with no white space at either end (as copied). */
export interface ConfigFormats {
  deck: string;
  adminApi: string;
  kubernetes: string;
}

/** Writes a capability's configuration in every format. */
export function configFormats(config: CapabilityConfig): ConfigFormats {
  return { deck: deckYaml(config), adminApi: adminApiCommand(config), kubernetes: kongPluginYaml(config) };
}
