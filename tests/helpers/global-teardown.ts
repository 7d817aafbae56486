export default async function globalTeardown(): Promise<void> {
  const stops = (globalThis as { __dubanStops?: (() => Promise<void>)[] }).__dubanStops ?? [];
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
}
