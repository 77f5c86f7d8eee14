"use client";

import { useCallback, useRef, useState } from "react";

export type AdminResult = { ok: true } | { ok: false; error: { code: string; message: string; method?: "password" | "sso" } };

type Pending = { run: () => Promise<AdminResult>; done: (result: AdminResult) => void };

/**
 * Runs an admin change; when the server asks for the password again, holds the change, opens the
 * confirmation and runs it once confirmed, so the admin does not have to do it twice.
 */
export function useAdminChange() {
  const pending = useRef<Pending | null>(null);
  const [asking, setAsking] = useState<null | { method: "password" | "sso"; message: string }>(null);

  const run = useCallback(<R extends AdminResult>(change: () => Promise<R>, done: (result: R) => void) => {
    void change().then((result) => {
      if (!result.ok && result.error.code === "reauthenticate") {
        pending.current = { run: change, done: done as (result: AdminResult) => void };
        setAsking({ method: result.error.method ?? "password", message: result.error.message });
        return;
      }
      done(result);
    });
  }, []);

  const confirmed = useCallback(() => {
    setAsking(null);
    const held = pending.current;
    pending.current = null;
    if (held) void held.run().then(held.done);
  }, []);

  const cancelled = useCallback(() => {
    setAsking(null);
    const held = pending.current;
    pending.current = null;
    held?.done({ ok: false, error: { code: "cancelled", message: "Nothing was changed." } });
  }, []);

  return { run, asking, confirmed, cancelled };
}
