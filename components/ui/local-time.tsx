"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** A timestamp in the reader's own time zone. The server renders UTC until the browser takes over. */
export function LocalTime({ iso, style = "datetime" }: { iso: string; style?: "datetime" | "time" }) {
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions =
    style === "time" ? { hour: "2-digit", minute: "2-digit", second: "2-digit" } : { dateStyle: "medium", timeStyle: "short" };
  const text = useSyncExternalStore(
    subscribe,
    () => date.toLocaleString(undefined, options),
    () => date.toLocaleString("en-GB", { ...options, timeZone: "UTC" }) + " UTC",
  );
  return <time dateTime={iso}>{text}</time>;
}
