import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as load } from "yaml";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { gatewayProviderFacts, ROUTE_TYPE_SINCE, ROUTE_TYPES } from "../../src/gateway-catalogue.ts";
import { compareVersions } from "../../src/versions.ts";
import {
  configFormats,
  deckVariable,
  PLUGIN_NAME,
  pluginConfigBody,
  secretName,
} from "../../src/gateway-config/formats.ts";
import {
  type CapabilityConfig,
  type ConfigObject,
  type ConfigValue,
  capabilityConfig,
  isEnvReference,
  plainModelName,
} from "../../src/gateway-config/plugin-config.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { hclText, terraformHcl, terraformVariable } from "../../src/gateway-config/terraform.ts";
import { secretLike } from "../../src/registry/secret-like.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";

// Every configuration of every shipped provider, and of a fixture provider per auth style, is
// parsed the way its reader's tool would read it, with made-up values in the environment.
const shipped = loadRegistry(path.join(projectRoot, "_data/providers"), { root: projectRoot });
const styles = loadRegistry(fixture("gateway-auth-styles"), { root: projectRoot });
const cases = [shipped, styles].flatMap((registry) =>
  registry.providers.flatMap((provider) =>
    provider.capabilities.map((capability) => ({
      registry,
      provider,
      capability,
      config: capabilityConfig(provider, capability),
    })),
  ),
);
const configured = cases.filter((c): c is typeof c & { config: CapabilityConfig } => c.config !== undefined);

/** A made-up value for a variable: spaces, quotes and `$` test the quoting; no `"` or `\`, like real keys. */
const madeUpValue = (env: string) => `value of ${env} with 'single quotes' and $dollar`;

/** The configuration as the gateway receives it: each reference replaced by its prefix and value. */
function resolved(value: ConfigValue): unknown {
  if (isEnvReference(value)) return `${value.prefix}${madeUpValue(value.env)}`;
  if (typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolved(v)]));
}

/** Runs shell commands with `name` replaced by a function that prints its arguments; one list per command. */
function argumentsOf(name: string, commands: string[], env: Record<string, string>): string[][] {
  const script = [`${name}() { printf '%s\\0' "$@"; printf '\\001'; }`, ...commands].join("\n");
  const run = spawnSync("bash", ["-c", script], { env: { PATH: process.env.PATH, ...env }, encoding: "utf8" });
  assert.is(run.status, 0, run.stderr);
  return run.stdout
    .split("\u0001")
    .slice(0, -1)
    .map((args) => args.split("\0").slice(0, -1));
}

const environment = Object.fromEntries(configured.flatMap((c) => c.config.environment.map((e) => [e, madeUpValue(e)])));

test("every supported capability of every shipped provider has a configuration", () => {
  for (const { provider, capability, config } of cases.filter((c) => c.registry === shipped)) {
    assert.ok(config, `${provider.name} ${capability.key} has no configuration (no gateway block)`);
  }
  assert.ok(configured.length > shipped.providers.length);
});

test("decK: the YAML parses as written, and again once decK has filled in the variables", () => {
  for (const { config } of configured) {
    const text = configFormats(config).deck;
    const written = load(text) as { plugins: { name: string; route: string; config: unknown }[] };
    assert.is(written.plugins[0]!.name, PLUGIN_NAME);
    assert.is(written.plugins[0]!.route, config.name);
    const asWritten = (value: ConfigValue): unknown =>
      isEnvReference(value)
        ? `${value.prefix}\${{ env "${deckVariable(value.env)}" }}`
        : typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asWritten(v)]))
          : value;
    assert.equal(written.plugins[0]!.config, asWritten(config.config), config.name);
    const filled = text.replace(/\$\{\{ env "DECK_([A-Z0-9_]+)" \}\}/g, (_, name: string) => madeUpValue(name));
    assert.equal((load(filled) as typeof written).plugins[0]!.config, resolved(config.config), config.name);
  }
});

test("Admin API: the shell splits the curl command into the right words, and the body is the configuration", () => {
  const calls = argumentsOf(
    "curl",
    configured.map(({ config }) => configFormats(config).adminApi),
    environment,
  );
  assert.is(calls.length, configured.length);
  configured.forEach(({ config }, index) => {
    const args = calls[index]!;
    assert.equal(args.slice(0, 4), ["-i", "-X", "POST", `http://localhost:8001/routes/${config.name}/plugins/`]);
    const body = JSON.parse(args[args.indexOf("--data") + 1]!);
    assert.equal(body, { name: PLUGIN_NAME, config: resolved(config.config) }, config.name);
  });
});

test("Kubernetes: the KongPlugin parses, and its Secret's values patched in make the configuration", () => {
  const commands = configured.map(({ config }) => {
    const line = configFormats(config).kubernetes.match(/^# (kubectl create secret .*)$/m);
    return line ? line[1]! : "kubectl none";
  });
  const calls = argumentsOf("kubectl", commands, environment);
  configured.forEach(({ config }, index) => {
    const resource = load(configFormats(config).kubernetes) as {
      apiVersion: string;
      kind: string;
      metadata: { name: string };
      plugin: string;
      config: ConfigObject;
      configPatches?: { path: string; valueFrom: { secretKeyRef: { name: string; key: string } } }[];
    };
    assert.equal(
      [resource.apiVersion, resource.kind, resource.plugin],
      ["configuration.konghq.com/v1", "KongPlugin", PLUGIN_NAME],
    );
    assert.is(resource.metadata.name, config.name);
    // What KIC does: read each Secret value as JSON and add it at the pointer (its parent must exist).
    const args = calls[index]!;
    const secret = new Map(
      args
        .filter((a) => a.startsWith("--from-literal="))
        .map((a) => {
          const [key, ...value] = a.slice("--from-literal=".length).split("=");
          return [key!, JSON.parse(value.join("="))];
        }),
    );
    const patched = structuredClone(resource.config) as Record<string, unknown>;
    for (const patch of resource.configPatches ?? []) {
      assert.is(patch.valueFrom.secretKeyRef.name, secretName(config));
      assert.equal(args.slice(0, 4), ["create", "secret", "generic", secretName(config)]);
      const parts = patch.path.split("/").slice(1);
      let parent = patched;
      for (const part of parts.slice(0, -1)) parent = parent[part] as Record<string, unknown>;
      assert.type(parent, "object", `${config.name}: ${patch.path} has no parent`);
      assert.ok(secret.has(patch.valueFrom.secretKeyRef.key), `${config.name}: ${patch.path}`);
      parent[parts.at(-1)!] = secret.get(patch.valueFrom.secretKeyRef.key);
    }
    if (!resource.configPatches) assert.equal(args, ["none"]);
    assert.equal(patched, resolved(config.config), config.name);
  });
});

test("Konnect API: the shell splits the curl command into the right words, and the body is the configuration", () => {
  const konnect = { KONNECT_TOKEN: "kpat token", KONNECT_CONTROL_PLANE_ID: "cp id", KONNECT_REGION: "eu" };
  const calls = argumentsOf(
    "curl",
    configured.map(({ config }) => configFormats(config).konnectApi),
    { ...environment, ...konnect },
  );
  assert.is(calls.length, configured.length);
  configured.forEach(({ config }, index) => {
    const args = calls[index]!;
    assert.equal(args.slice(0, 4), [
      "-i",
      "-X",
      "POST",
      `https://eu.api.konghq.com/v2/control-planes/cp id/core-entities/routes/${config.name}/plugins`,
    ]);
    assert.ok(args.includes("Authorization: Bearer kpat token"), config.name);
    const body = JSON.parse(args[args.indexOf("--data") + 1]!);
    assert.equal(body, { name: PLUGIN_NAME, config: resolved(config.config) }, config.name);
  });
});

test("plugin_config: the configuration as data, each value from the environment as $NAME for envsubst", () => {
  for (const { config } of configured) {
    const body = pluginConfigBody(config);
    const filled = JSON.parse(
      JSON.stringify(body).replace(/\$\{([A-Z][A-Z0-9_]*)\}/g, (_, name: string) =>
        JSON.stringify(madeUpValue(name)).slice(1, -1),
      ),
    );
    assert.equal(filled, { name: PLUGIN_NAME, config: resolved(config.config) }, config.name);
  }
});

// Terraform itself reads the configurations when it is installed: every `config` block, as locals, evaluated by
// `terraform console` with the variables set, must be the configuration. Without it the word-for-word test stands.
const terraform = spawnSync("terraform", ["version"], { encoding: "utf8" }).status === 0;
(terraform ? test : test.skip)("Terraform: terraform reads each config block as the configuration", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "terraform-config-"));
  try {
    const variables = new Set<string>();
    const locals = configured.map(({ config }, index) => {
      for (const env of config.environment) variables.add(terraformVariable(env));
      const text = terraformHcl(config);
      const block = text.slice(text.indexOf("\n  config = {\n") + 1, text.indexOf("\n  control_plane_id ="));
      return block.replace(/^ {2}config = \{/, `  c${index} = {`);
    });
    const declared = [...variables].map((v) => `variable "${v}" {\n  type = string\n}`).join("\n");
    writeFileSync(path.join(dir, "main.tf"), `${declared}\nlocals {\n${locals.join("\n")}\n}\n`);
    const env: Record<string, string> = { PATH: process.env.PATH!, TF_CLI_CONFIG_FILE: "/dev/null" };
    for (const [name, value] of Object.entries(environment)) env[`TF_VAR_${terraformVariable(name)}`] = value;
    const expression = `jsonencode([${configured.map((_, i) => `local.c${i}`).join(", ")}])`;
    const run = spawnSync("terraform", ["console"], { cwd: dir, env, input: expression, encoding: "utf8" });
    assert.is(run.status, 0, run.stderr);
    const read = JSON.parse(JSON.parse(run.stdout.trim())) as unknown[];
    configured.forEach(({ config }, index) => {
      assert.equal(read[index], resolved(config.config), config.name);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("Terraform: quotes, backslashes, template sequences and control characters are escaped", () => {
  assert.is(hclText(`a "b" \\ \${c} %{d} $e %f\n\t\u0001`), 'a \\"b\\" \\\\ $${c} %%{d} $e %f\\n\\t\\u0001');
});

test("every configuration carries the provider's required options, the gateway's own and the file's", () => {
  for (const { provider, config } of configured) {
    const options = ((resolved(config.config) as { model: { options?: Record<string, unknown> } }).model.options ??
      {}) as Record<string, Record<string, unknown> | unknown>;
    const has = (name: string) => {
      const [parent, child] = name.split(".") as [string, string | undefined];
      return child === undefined
        ? options[parent] !== undefined
        : (options[parent] as Record<string, unknown> | undefined)?.[child] !== undefined;
    };
    for (const option of provider.gateway!.options) assert.ok(has(option.name), `${config.name}: ${option.name}`);
    for (const { name } of gatewayProviderFacts(provider.gateway!.provider)?.requiredOptions ?? [])
      assert.ok(has(name), `${config.name}: ${name}`);
    assert.is((config.config.model as ConfigObject).provider, provider.gateway!.provider);
  }
});

test("every configuration uses the capability's route type, one the gateway accepts on the version it states", () => {
  for (const { registry, capability, config } of configured) {
    assert.is(config.config.route_type, capability.routeType);
    assert.ok(ROUTE_TYPES.includes(capability.routeType));
    // A route type of another capability is allowed only with the warning that names it.
    const expected = CAPABILITIES.find((c) => c.key === capability.key)!.routeType;
    if (capability.routeType !== expected) {
      assert.ok(registry.warnings.some((w) => w.field === `${capability.key}.route_type`));
    }
    assert.ok(config.gatewayVersion, `${config.name} states no version`);
    assert.ok(compareVersions(config.gatewayVersion!, ROUTE_TYPE_SINCE[capability.routeType]!) >= 0, config.name);
  }
});

test("model.name is the model example's plain name, with no Markdown left in it", () => {
  for (const { capability, config } of configured) {
    const name = (config.config.model as ConfigObject).name;
    assert.is(name, plainModelName(capability.modelExample));
    if (name !== undefined) assert.not.match(String(name), /[`[\]()*<>\s]/);
  }
  assert.equal(
    [
      "gpt-4o",
      "`llama3.2:1b`",
      "<code>mistral-embed</code>",
      "n/a",
      "User-defined",
      "[Model IDs](https://x.example)",
    ].map(plainModelName),
    ["gpt-4o", "llama3.2:1b", "mistral-embed", undefined, undefined, undefined],
  );
});

test("no configuration holds a literal secret: only references to the environment", () => {
  for (const { config } of configured) {
    for (const text of Object.values(configFormats(config))) {
      assert.is(secretLike(text), undefined, `${config.name}: ${secretLike(text)}`);
      for (const env of config.environment) assert.not.match(text, madeUpValue(env));
    }
  }
});

test("a fixture per auth style: the version each configuration needs, and its variables", () => {
  const byName = new Map(configured.filter((c) => c.registry === styles).map((c) => [c.config.name, c.config]));
  const summary = [...byName.values()].map((c) => [c.name, c.gatewayVersion, c.environment, c.gatewayEnvironment]);
  assert.equal(summary, [
    ["aws-ai-chat", "3.8", ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"], []],
    ["aws-ai-files", "3.11", ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"], []],
    ["gcp-ai-chat", "3.8", ["GCP_PROJECT_ID"], ["GCP_SERVICE_ACCOUNT"]],
    ["gcp-ai-video-generations", "3.13", ["GCP_PROJECT_ID"], ["GCP_SERVICE_ACCOUNT"]],
    ["header-bearer-ai-chat", "3.6", ["HEADER_BEARER_API_KEY", "HEADER_BEARER_UPSTREAM_URL"], []],
    ["header-bearer-ai-embeddings", "3.11", ["HEADER_BEARER_API_KEY", "HEADER_BEARER_UPSTREAM_URL"], []],
    ["header-key-ai-chat", "3.6", ["HEADER_KEY_API_KEY"], []],
    ["header-key-ai-completions", "3.6", ["HEADER_KEY_API_KEY"], []],
    ["none-ai-chat", "3.6", [], []],
    ["query-ai-chat", "3.8", ["QUERY_API_KEY"], []],
  ]);
});

test("the query style, word for word in the five formats", () => {
  const { config } = configured.find((c) => c.config.name === "query-ai-chat")!;
  const formats = configFormats(config);
  assert.fixture(
    formats.deck,
    `_format_version: "3.0"
plugins:
  - name: ai-proxy
    route: query-ai-chat
    config:
      route_type: llm/v1/chat
      auth:
        param_name: key
        param_value: \${{ env "DECK_QUERY_API_KEY" }}
        param_location: query
      model:
        provider: gemini
        name: query-model-2.5`,
  );
  assert.fixture(
    formats.adminApi,
    `curl -i -X POST http://localhost:8001/routes/query-ai-chat/plugins/ \\
  --header "Accept: application/json" \\
  --header "Content-Type: application/json" \\
  --data '{
  "name": "ai-proxy",
  "config": {
    "route_type": "llm/v1/chat",
    "auth": {
      "param_name": "key",
      "param_value": "'"$QUERY_API_KEY"'",
      "param_location": "query"
    },
    "model": {
      "provider": "gemini",
      "name": "query-model-2.5"
    }
  }
}'`,
  );
  assert.fixture(
    formats.kubernetes,
    `# Kong Ingress Controller 3.1 or later. Create the Secret first (the values are JSON strings):
# kubectl create secret generic query-ai-ai-proxy --from-literal=auth.param_value="\\"$QUERY_API_KEY\\""
apiVersion: configuration.konghq.com/v1
kind: KongPlugin
metadata:
  name: query-ai-chat
plugin: ai-proxy
config:
  route_type: llm/v1/chat
  auth:
    param_name: key
    param_location: query
  model:
    provider: gemini
    name: query-model-2.5
configPatches:
  - path: /auth/param_value
    valueFrom:
      secretKeyRef:
        name: query-ai-ai-proxy
        key: auth.param_value`,
  );
  assert.equal(formats.konnectApi.split("\n").slice(0, 6), [
    "# Set KONNECT_TOKEN (a personal or system account access token), KONNECT_CONTROL_PLANE_ID and, outside the " +
      "US region, KONNECT_REGION.",
    `curl -i -X POST "https://\${KONNECT_REGION:-us}.api.konghq.com/v2/control-planes/\${KONNECT_CONTROL_PLANE_ID}` +
      '/core-entities/routes/query-ai-chat/plugins" \\',
    '  --header "Authorization: Bearer $KONNECT_TOKEN" \\',
    '  --header "Accept: application/json" \\',
    '  --header "Content-Type: application/json" \\',
    "  --data '{",
  ]);
  // The same body as the Admin API's.
  const body = (command: string) => command.slice(command.indexOf("--data"));
  assert.is(body(formats.konnectApi), body(formats.adminApi));
  assert.fixture(
    formats.terraform,
    `# Kong's Konnect provider. Set each variable as TF_VAR_<name>, for example TF_VAR_konnect_control_plane_id.
variable "konnect_control_plane_id" {
  type = string
}

variable "query_api_key" {
  type      = string
  sensitive = true
}

resource "konnect_gateway_plugin_ai_proxy" "query_ai_chat" {
  enabled = true
  config = {
    route_type = "llm/v1/chat"
    auth = {
      param_name = "key"
      param_value = var.query_api_key
      param_location = "query"
    }
    model = {
      provider = "gemini"
      name = "query-model-2.5"
    }
  }
  control_plane_id = var.konnect_control_plane_id
  route = {
    id = konnect_gateway_route.query_ai_chat.id
  }
}`,
  );
  for (const text of Object.values(formats)) assert.is(text, text.trim());
});

test("no auth and no variables: no auth block, no Secret, no patches", () => {
  const { config } = configured.find((c) => c.config.name === "none-ai-chat")!;
  // As written out: nested options are null-prototype objects, which no object literal equals.
  assert.equal(JSON.parse(JSON.stringify(config.config)), {
    route_type: "llm/v1/chat",
    model: {
      provider: "llama2",
      options: { llama2_format: "raw", upstream_url: "http://llama.internal:11434/api/chat" },
    },
  });
  assert.not.match(configFormats(config).kubernetes, /configPatches|kubectl/);
});

test.run();
