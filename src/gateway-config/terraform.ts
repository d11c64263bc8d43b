import { type CapabilityConfig, type ConfigValue, isEnvReference } from "./plugin-config.ts";

/** One capability's plugin configuration for Terraform with Kong's Konnect provider. */

/** The Terraform variable for an environment variable: its name in lower case (`TF_VAR_openai_api_key`). */
export const terraformVariable = (env: string) => env.toLowerCase();

const HCL_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/** Text inside an HCL quoted string: `\` and `"` escaped, controls as `\uNNNN`, `${` and `%{` doubled. */
export function hclText(text: string): string {
  return text.replace(/[\\"\u0000-\u001f\u007f]|\$\{|%\{/g, (match) => {
    if (match === "${") return "$${";
    if (match === "%{") return "%%{";
    return HCL_ESCAPES[match] ?? `\\u${match.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

function hclValue(value: ConfigValue, indent: number, lines: string[], key: string): void {
  const pad = " ".repeat(indent);
  if (isEnvReference(value)) {
    const variable = `var.${terraformVariable(value.env)}`;
    lines.push(`${pad}${key} = ${value.prefix ? `"${hclText(value.prefix)}\${${variable}}"` : variable}`);
  } else if (typeof value === "string") {
    lines.push(`${pad}${key} = "${hclText(value)}"`);
  } else if (typeof value !== "object") {
    lines.push(`${pad}${key} = ${String(value)}`);
  } else {
    lines.push(`${pad}${key} = {`);
    // The plugin's field names are lower-case words and underscores: valid HCL attribute names as they are.
    for (const child in value) hclValue(value[child]!, indent + 2, lines, child);
    lines.push(`${pad}}`);
  }
}

/** The configuration as Terraform: a variable per environment value, then the plugin on the route. */
export function terraformHcl(config: CapabilityConfig): string {
  const lines = [
    "# Kong's Konnect provider. Set each variable as TF_VAR_<name>, for example TF_VAR_konnect_control_plane_id.",
    'variable "konnect_control_plane_id" {',
    "  type = string",
    "}",
  ];
  // A configuration that reads KONNECT_CONTROL_PLANE_ID itself shares the variable above.
  for (const env of config.environment.filter((e) => terraformVariable(e) !== "konnect_control_plane_id")) {
    lines.push("", `variable "${terraformVariable(env)}" {`, "  type      = string", "  sensitive = true", "}");
  }
  const name = config.name.replaceAll("-", "_");
  lines.push("", `resource "konnect_gateway_plugin_ai_proxy" "${name}" {`, "  enabled = true");
  hclValue(config.config, 2, lines, "config");
  lines.push(
    "  control_plane_id = var.konnect_control_plane_id",
    "  route = {",
    `    id = konnect_gateway_route.${name}.id`,
    "  }",
    "}",
  );
  return lines.join("\n");
}
