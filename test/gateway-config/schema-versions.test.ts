import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  GATEWAY_PROVIDERS,
  GATEWAY_VERSIONS,
  gatewayProviderFacts,
  MODEL_OPTIONS,
  ROUTE_TYPE_SINCE,
} from "../../src/gateway-catalogue.ts";
import { configsByVersion } from "../../src/gateway-config/config-view.ts";
import { type ConfigValue, isEnvReference } from "../../src/gateway-config/plugin-config.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { compareVersions } from "../../src/versions.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";

// Every configuration of every provider (the shipped ones and the fixtures'), for every gateway
// version from its first on, against the AI Proxy schema Kong publishes for that version (3.12
// to 3.15), with unknown keys made errors; before 3.12, against the catalogue's facts. And the
// catalogue's own facts against the published schemas, so the site's checks say what they say.
const SCHEMAS = path.resolve(projectRoot, "../shared/reference/ai-proxy-schema");
const PUBLISHED = ["3.12", "3.13", "3.14", "3.15"];

type Schema = { type?: string; enum?: string[]; properties?: Record<string, Schema>; items?: Schema } & Record<
  string,
  unknown
>;

const published = new Map(
  PUBLISHED.map((version) => {
    const file = path.join(SCHEMAS, `ai-proxy-${version}.json`);
    assert.ok(existsSync(file), `${file} is missing: the shared reference folder sits beside the clone`);
    return [version, JSON.parse(readFileSync(file, "utf8")) as Schema];
  }),
);

/** The schema with every object closed: a key it does not name is an error, as the gateway treats it. */
function closed(schema: Schema): Schema {
  const copy: Schema = { ...schema };
  if (schema.properties) {
    copy.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, closed(v)]));
    copy.additionalProperties ??= false;
  }
  if (schema.items) copy.items = closed(schema.items);
  return copy;
}

const ajv = new Ajv({ strict: false, allErrors: true });
const validators = new Map([...published].map(([version, schema]) => [version, ajv.compile(closed(schema))]));

/** The configuration as the gateway receives it: each value from the environment some text. */
const resolved = (value: ConfigValue): unknown =>
  isEnvReference(value)
    ? `${value.prefix}value of ${value.env}`
    : typeof value === "object"
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolved(v)]))
      : value;

const registries = [
  loadRegistry(path.join(projectRoot, "_data/providers"), { root: projectRoot }),
  loadRegistry(fixture("gateway-auth-styles"), { root: projectRoot }),
  loadRegistry(fixture("gateway-versions"), { root: projectRoot }),
  loadRegistry(fixture("gateway-compatible"), { root: projectRoot }),
];
const providers = registries.flatMap((r) => r.providers).filter((p) => p.gateway);

test("every configuration validates against the published schema of each version from its first to 3.15", () => {
  let checked = 0;
  for (const provider of providers) {
    for (const capability of provider.capabilities) {
      const configs = configsByVersion(provider, capability);
      const first = configs[0]!.from;
      for (const version of GATEWAY_VERSIONS.filter((v) => compareVersions(v, first) >= 0)) {
        // The configuration whose run of versions holds this one.
        const config = configs.find(
          (c) => compareVersions(version, c.from) >= 0 && (!c.before || compareVersions(version, c.before) < 0),
        )?.config;
        const where = `${provider.file} ${capability.key} on ${version}`;
        assert.ok(config, `${where}: no configuration`);
        const validate = validators.get(version);
        if (validate) {
          const valid = validate({ config: resolved(config!.config) });
          assert.ok(valid, `${where}: ${ajv.errorsText(validate.errors)}`);
        } else {
          // Before 3.12 no schema is published: the catalogue's facts stand in for it.
          const routeTypeSince = ROUTE_TYPE_SINCE[capability.routeType]!;
          assert.ok(compareVersions(version, routeTypeSince) >= 0, `${where}: route type`);
          const since = gatewayProviderFacts(provider.gateway!.provider)?.since;
          assert.ok(since && compareVersions(version, since) >= 0, `${where}: model.provider`);
        }
        for (const name of config!.omitted) assert.ok(compareVersions(version, MODEL_OPTIONS[name]!.since!) < 0, where);
        checked++;
      }
    }
  }
  assert.ok(checked > providers.length);
});

test("before the version that adds an option, the configuration leaves it out and says so", () => {
  const provider = providers.find((p) => p.slug === "later-options")!;
  const chat = configsByVersion(provider, provider.capabilities.find((c) => c.key === "chat")!);
  assert.equal(
    chat.map((c) => [c.from, c.before, c.config.omitted]),
    [
      ["3.8", "3.13", ["bedrock.video_output_s3_uri", "bedrock.batch_role_arn"]],
      ["3.13", "3.14", ["bedrock.batch_role_arn"]],
      ["3.14", undefined, []],
    ],
  );
  const bedrock = (c: (typeof chat)[number]) => Object.keys(resolved(c.config.config.model!) as object);
  assert.equal(
    chat.map((c) => Object.keys((resolved(c.config.config) as any).model.options.bedrock)),
    [["aws_region"], ["aws_region", "video_output_s3_uri"], ["aws_region", "video_output_s3_uri", "batch_role_arn"]],
  );
  assert.equal(bedrock(chat[0]!), ["provider", "name", "options"]);
  // The newest configuration is refused by 3.13, which is why the older one exists.
  const validate = validators.get("3.13")!;
  assert.not.ok(validate({ config: resolved(chat[2]!.config.config) }));
  assert.match(ajv.errorsText(validate.errors), "must NOT have additional properties");
});

/** Each scalar field of `model.options` in a schema, by the name a provider file writes. */
function scalarOptions(schema: Schema): Map<string, Schema> {
  const options = schema.properties!.config!.properties!.model!.properties!.options!.properties!;
  const found = new Map<string, Schema>();
  for (const [name, field] of Object.entries(options)) {
    if (field.type === "object")
      for (const [child, inner] of Object.entries(field.properties!)) found.set(`${name}.${child}`, inner);
    else if (field.type !== "array") found.set(name, field);
  }
  return found;
}

test("the catalogue's facts agree with each published schema: providers, route types, options", () => {
  for (const [version, schema] of published) {
    const config = schema.properties!.config!.properties!;
    const on = (since: string | undefined) => since === undefined || compareVersions(version, since) >= 0;
    assert.equal(
      [...config.model!.properties!.provider!.enum!].sort(),
      GATEWAY_PROVIDERS.filter((p) => on(p.since))
        .map((p) => p.provider)
        .sort(),
      `model.provider on ${version}`,
    );
    assert.equal(
      [...config.route_type!.enum!].sort(),
      Object.keys(ROUTE_TYPE_SINCE)
        .filter((r) => on(ROUTE_TYPE_SINCE[r]))
        .sort(),
      `route_type on ${version}`,
    );
    const options = scalarOptions(schema);
    const catalogued = Object.entries(MODEL_OPTIONS).filter(([, facts]) => on(facts.since));
    assert.equal(catalogued.map(([name]) => name).sort(), [...options.keys()].sort(), `model.options on ${version}`);
    for (const [name, facts] of catalogued) {
      const field = options.get(name)!;
      assert.is(field.type, facts.type, `${name} on ${version}`);
      assert.equal([...(field.enum ?? [])].sort(), [...(facts.values ?? [])].sort(), `${name} on ${version}`);
    }
  }
});

test.run();
