// Moves every ISO-8601 timestamp in a recorded payload by the same amount, so that its newest one
// lands at `newest`. Tests that go through code using the real clock (routes, `npm start`) replay
// recordings this way: a recording from 2026 is "in the future" on a machine whose clock is behind,
// and far in the past on one ahead, and neither may change what the test sees.
const ISO_TIMESTAMP = /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))"/g

export function shiftTimes<T>(payload: T, newest: Date): T {
  const text = JSON.stringify(payload)
  const times = [...text.matchAll(ISO_TIMESTAMP)].map((m) => Date.parse(m[1] as string)).filter((t) => !Number.isNaN(t))
  if (times.length === 0) return payload
  const offset = newest.getTime() - Math.max(...times)
  return JSON.parse(text.replace(ISO_TIMESTAMP, (whole, stamp: string) => {
    const t = Date.parse(stamp)
    return Number.isNaN(t) ? whole : `"${new Date(t + offset).toISOString()}"`
  })) as T
}
