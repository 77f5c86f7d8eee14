import { z } from "zod";
import { fixtureSchema } from "./fixture-schema";
import { factsSchema } from "./transcript-source";

/**
 * The fixture document as JSON Schema (draft 2020-12), for editors and for checking hand-written
 * fixtures outside the emulator. Cross-references (a call's user must exist…) are checked on load only.
 */
export function fixtureJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(fixtureSchema, {
    io: "input",
    unrepresentable: "any",
    override: (context) => {
      // A hand-checked map in zod, for speed; plainly a string map here.
      if (context.zodSchema === factsSchema) Object.assign(context.jsonSchema, { type: "object", additionalProperties: { type: "string" } });
    },
  });
  return { ...schema, $id: "https://redline.example/emulator/fixture.schema.json", title: "Redline emulator fixture" };
}
