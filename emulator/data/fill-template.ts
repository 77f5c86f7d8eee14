/** Parsed templates: literal text at even indexes, fact names at odd ones. Scenario templates are few and reused. */
const parsed = new Map<string, readonly string[]>();

function parse(template: string): readonly string[] {
  let parts = parsed.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    parsed.set(template, parts);
  }
  return parts;
}

/** Fills `{name}` placeholders. A missing fact is a bug in a scenario, so it throws rather than printing "undefined". */
export function fillTemplate(template: string, facts: Readonly<Record<string, string>>): string {
  const parts = parse(template);
  if (parts.length === 1) return template;
  const out = parts.slice();
  for (let i = 1; i < parts.length; i += 2) {
    const value = facts[parts[i] as string];
    if (value === undefined) throw new Error(`Template needs the fact "${parts[i]}": ${template}`);
    out[i] = value;
  }
  // join() builds one flat string; `+=` would keep a rope of every piece alive for as long as the text.
  return out.join("");
}
