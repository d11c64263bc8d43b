import {
  type CapabilityConfig,
  type ConfigObject,
  type EnvReference,
  envReferences,
  isEnvReference,
} from "./plugin-config.ts";
import { terraformHcl } from "./terraform.ts";

// One capability's plugin configuration, written five ways.

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

/** A block-style YAML mapping, indented by `indent` spaces, a line each into `lines`; `env` writes a reference. */
function yamlMapping(object: ConfigObject, indent: number, lines: string[], env = (_: EnvReference) => "") {
  const pad = " ".repeat(indent);
  for (const [key, value] of Object.entries(object)) {
    if (isEnvReference(value)) lines.push(`${pad}${key}: ${env(value)}`);
    else if (typeof value !== "object") lines.push(`${pad}${key}: ${yamlScalar(value)}`);
    else if (Object.keys(value).length === 0) lines.push(`${pad}${key}: {}`);
    else lines.push(`${pad}${key}:`, ...yamlMapping(value, indent + 2, [], env));
  }
  return lines;
}

/** The decK reference: a plain scalar, which decK fills in before it reads the YAML. */
const deckReference = (ref: EnvReference) => `${ref.prefix}\${{ env "${deckVariable(ref.env)}" }}`;

function deckYaml(config: CapabilityConfig): string {
  const lines = [
    '_format_version: "3.0"',
    "plugins:",
    `  - name: ${PLUGIN_NAME}`,
    `    route: ${yamlScalar(config.name)}`,
    "    config:",
  ];
  return yamlMapping(config.config, 6, lines, deckReference).join("\n");
}

/** The plugin's body as JSON in a single-quoted shell word; a reference closes the quotes for `"$NAME"`. */
function shellJson(config: CapabilityConfig): string {
  const refs: string[] = [];
  // A reference is first written as a marker no value can hold (values have no control characters).
  const marked = writeReferences(config.config, (ref) => `${ref.prefix}\u0000${refs.push(ref.env) - 1}\u0000`);
  const json = JSON.stringify({ name: PLUGIN_NAME, config: marked }, null, 2).replaceAll("'", `'\\''`);
  return json.replace(/\\u0000(\d+)\\u0000/g, (_, i: string) => `'"$${refs[Number(i)]}"'`);
}

/** The end of both API calls: JSON in, JSON out, the plugin's body as data. */
const jsonBody = (config: CapabilityConfig) =>
  '  --header "Accept: application/json" \\\n' +
  '  --header "Content-Type: application/json" \\\n' +
  `  --data '${shellJson(config)}'`;

function adminApiCommand(config: CapabilityConfig): string {
  return `curl -i -X POST http://localhost:8001/routes/${config.name}/plugins/ \\\n${jsonBody(config)}`;
}

function konnectApiCommand(config: CapabilityConfig): string {
  return (
    `# Set KONNECT_TOKEN (a personal or system account access token), KONNECT_CONTROL_PLANE_ID and, ` +
    `outside the US region, KONNECT_REGION.\n` +
    // The region comes from the reader's environment, `us` when unset.
    `curl -i -X POST "https://\${KONNECT_REGION:-us}.api.konghq.com/v2` +
    `/control-planes/\${KONNECT_CONTROL_PLANE_ID}/core-entities/routes/${config.name}/plugins" \\\n` +
    '  --header "Authorization: Bearer $KONNECT_TOKEN" \\\n' +
    jsonBody(config)
  );
}

/** The tree with each environment reference written by `write`, or left out where it gives undefined. */
function writeReferences(object: ConfigObject, write: (ref: EnvReference) => string | undefined): ConfigObject {
  const copy: ConfigObject = {};
  for (const key in object) {
    const value = object[key]!;
    const written = isEnvReference(value)
      ? write(value)
      : typeof value === "object"
        ? writeReferences(value, write)
        : value;
    if (written !== undefined) copy[key] = written;
  }
  return copy;
}

/** The body to POST to the plugins endpoint, as data: references as `${NAME}`, as `envsubst` fills them in. */
export function pluginConfigBody(config: CapabilityConfig): { name: string; config: ConfigObject } {
  return { name: PLUGIN_NAME, config: writeReferences(config.config, (ref) => `${ref.prefix}\${${ref.env}}`) };
}

/** The Kubernetes Secret the KongPlugins of one provider read: `<slug>-ai-proxy`. */
export const secretName = (config: CapabilityConfig) => `${config.slug}-ai-proxy`;

function kongPluginYaml(config: CapabilityConfig): string {
  // The Secret's key names the field it fills (`auth.header_value`), so two fields never share one.
  const patches = envReferences(config.config).map((ref) => ({ ...ref, key: ref.path.slice(1).replaceAll("/", ".") }));
  const secret = secretName(config);
  const lines: string[] = [];
  if (patches.length) {
    lines.push(
      `# Kong Ingress Controller 3.1 or later. Create the Secret first (the values are JSON strings):`,
      `# kubectl create secret generic ${secret} ${patches
        .map((p) => `--from-literal=${p.key}="\\"${p.prefix}$${p.env}\\""`)
        .join(" ")}`,
    );
  }
  lines.push(
    "apiVersion: configuration.konghq.com/v1",
    "kind: KongPlugin",
    "metadata:",
    `  name: ${yamlScalar(config.name)}`,
    `plugin: ${PLUGIN_NAME}`,
    "config:",
  );
  // The references are left out; their parents stay (a JSON patch adds into them).
  yamlMapping(
    writeReferences(config.config, () => undefined),
    2,
    lines,
  );
  if (patches.length) lines.push("configPatches:");
  for (const p of patches)
    lines.push(
      `  - path: ${p.path}`,
      "    valueFrom:",
      "      secretKeyRef:",
      `        name: ${secret}`,
      `        key: ${p.key}`,
    );
  return lines.join("\n");
}

/** The five formats of one capability's configuration, each with no white space at either end (as copied). */
export function configFormats(config: CapabilityConfig) {
  return {
    deck: deckYaml(config),
    adminApi: adminApiCommand(config),
    konnectApi: konnectApiCommand(config),
    kubernetes: kongPluginYaml(config),
    terraform: terraformHcl(config),
  };
}
