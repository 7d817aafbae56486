/** China Standard Time is UTC+8 all year (no daylight saving), so civil dates need no tz database. */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The civil date (YYYY-MM-DD) in Asia/Shanghai at `instant`, whatever the process TZ. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which `date` begins in Asia/Shanghai, plus `minutes` into that day. */
export function shanghaiInstant(date: string, minutes = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - CST_OFFSET_MS + minutes * 60_000);
}
