export type RouteMatch<Handler> =
  | { kind: "matched"; handler: Handler; params: Record<string, string> }
  | { kind: "method_not_allowed"; allowed: readonly string[] }
  | { kind: "not_found" };

type Route<Handler> = { method: string; segments: readonly string[]; handler: Handler };

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Path-segment routing, `:name` for parameters. Routes are tried in the order added, so a literal path
 * (`items/search`) registered before a parametrised one (`items/:id`) takes precedence for its method.
 */
export class Router<Handler> {
  private readonly routes: Route<Handler>[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), segments: pattern.split("/").filter(Boolean), handler });
    return this;
  }

  match(method: string, path: string): RouteMatch<Handler> {
    const parts = path.split("/").filter(Boolean);
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (params === null) continue;
      if (route.method === method.toUpperCase()) return { kind: "matched", handler: route.handler, params };
      allowed.add(route.method);
    }
    return allowed.size > 0 ? { kind: "method_not_allowed", allowed: [...allowed] } : { kind: "not_found" };
  }
}

function matchSegments(pattern: readonly string[], parts: readonly string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const actual = parts[i] as string;
    if (expected.startsWith(":")) params[expected.slice(1)] = decodeSegment(actual);
    else if (expected !== actual) return null;
  }
  return params;
}
