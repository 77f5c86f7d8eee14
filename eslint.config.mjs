import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** An import rule for one layer: what it may not reach, by alias or by relative path, and why. */
const layer = (files, rules) => ({
  files,
  rules: {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      {
        patterns: rules.map(({ group, regex, message, allowTypeImports }) => ({
          ...(group ? { group } : { regex }),
          message,
          ...(allowTypeImports ? { allowTypeImports } : {}),
        })),
      },
    ],
  },
});

const noApp = { group: ["@/app/**"], message: "Nothing imports from app/: it composes, everything else is imported into it." };
const noAppRelative = { regex: "^(\\.\\./)+app/", message: noApp.message };
const noComponents = { group: ["@/components/**"], message: "lib/ knows nothing of the UI." };
const noEmulator = { regex: "(^@/emulator/|^(\\.\\./)+emulator/)", message: "The emulator is a separate program: Redline reaches it over HTTP only." };

// The layers of DESIGN §1: app → lib/review → lib/providers, lib/db; never back.
export default defineConfig([
  ...nextVitals,
  ...nextTs,
  layer(["components/**"], [
    noApp,
    noAppRelative,
    noEmulator,
    { group: ["@/lib/db/**", "@/lib/env", "@/lib/providers/registry", "@/lib/providers/*/adapter", "@/lib/auth/auth", "@/lib/auth/require-role"], message: "Components run in the browser: they get data and server actions from the page.", allowTypeImports: true },
  ]),
  layer(["app/**"], [
    { group: ["@/lib/db/queries/**", "@/lib/db/schema"], message: "app/ calls use cases in lib/review, not queries: add or extend a use case." },
    { group: ["@/lib/providers/*/**"], message: "app/ reaches providers through the registry and the use cases, never an adapter's internals." },
    noEmulator,
  ]),
  layer(["lib/**"], [noApp, noAppRelative, noComponents, noEmulator]),
  layer(["lib/providers/**"], [
    noApp,
    noAppRelative,
    noComponents,
    noEmulator,
    { group: ["@/lib/review/**", "@/lib/db/**", "@/lib/auth/**"], message: "Providers know HTTP and their own contract, nothing of Redline's use cases, data or users." },
  ]),
  layer(["lib/db/**"], [
    noApp,
    noAppRelative,
    noComponents,
    noEmulator,
    { group: ["@/lib/review/**", "@/lib/auth/**"], message: "lib/db holds the schema and queries; use cases call it, not the other way round." },
  ]),
  layer(["emulator/**"], [
    { group: ["@/lib/**", "@/app/**", "@/components/**"], message: "The emulator is a separate program and imports nothing of Redline." },
    { regex: "^(\\.\\./)+(lib|app|components)/", message: "The emulator is a separate program and imports nothing of Redline." },
  ]),
  globalIgnores([".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "lib/db/migrations/**", "test-results/**"]),
]);
