import { test } from "uvu";
import * as assert from "uvu/assert";
import { scriptJson } from "../src/script-json.ts";

test("JSON inside a script element cannot close it, open a comment, or break a line in old parsers", () => {
  const value = { name: "</script><!-- & \u2028\u2029 >" };
  const json = scriptJson(value);
  assert.not.match(json, /[<>&\u2028\u2029]/);
  assert.equal(JSON.parse(json), value, "it parses back to the same value");
});

test.run();
