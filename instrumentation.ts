/** Runs once when a server instance starts. */
export async function register(): Promise<void> {
  // The sweep needs Node (database drivers); nothing runs while the app is being built.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // A bad configuration (a half-configured single sign-on among others) stops the instance here, naming the variable.
  const { env } = await import("@/lib/env");
  env();
  const { startReconcileSweep } = await import("@/lib/review/save/reconcile-sweep");
  startReconcileSweep();
  const { startReadinessSweep } = await import("@/lib/review/queue/readiness-sweep");
  startReadinessSweep();
}
