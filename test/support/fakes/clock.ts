import type { Clock } from '#shared/kernel/clock';

export const fixedClock = (iso = '2026-11-28T05:36:47.000Z'): Clock => ({ now: () => new Date(iso) });

/** A clock a test moves by hand. */
export function movableClock(iso = '2026-11-28T05:36:47.000Z') {
  let now = Date.parse(iso);
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => void (now += ms) };
}
