const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/**
 * How details are spoken in transcripts and written in summaries. Hand-rolled rather than Intl so the
 * output is the same on every machine and locale, and cheap enough for 100,000 calls. Dates are UTC.
 */
export const spoken = {
  money(amount: number): string {
    const [whole = "0", cents = "00"] = amount.toFixed(2).split(".");
    return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
  },
  day(date: Date): string {
    return `${WEEKDAYS[date.getUTCDay()]}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
  },
  shortDay(date: Date): string {
    return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
  },
  weekday(date: Date): string {
    return WEEKDAYS[date.getUTCDay()] ?? "";
  },
  time(date: Date): string {
    const hours = date.getUTCHours();
    const minutes = String(date.getUTCMinutes()).padStart(2, "0");
    return `${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? "AM" : "PM"}`;
  },
  slot(date: Date): string {
    return `${spoken.day(date)} at ${spoken.time(date)}`;
  },
  /** "Kim" → "K-I-M", the way names are spelled out on the phone. */
  spelled(word: string): string {
    return [...word.replace(/[^\p{L}]/gu, "").toUpperCase()].join("-");
  },
  /** ISO 8601 at second precision, the form Allo uses for item dates. */
  instant(date: Date): string {
    return date.toISOString().slice(0, 19) + "Z";
  },
};
