import { describe, expect, it } from 'vitest'
import { digestCutoff, zonedInstant } from './digest'

const at = (iso: string) => new Date(iso)

describe('digestCutoff: 08:00 on the reader’s own calendar', () => {
  it('is not due before 08:00 local, and due from 08:00 with that instant as the cut-off', () => {
    // New York in winter is UTC-5: 08:00 local is 13:00Z.
    expect(digestCutoff(at('2026-11-25T12:59:00Z'), 'America/New_York')).toBeNull()
    expect(digestCutoff(at('2026-11-25T13:00:00Z'), 'America/New_York')).toEqual({ localDate: '2026-11-25', cutoff: at('2026-11-25T13:00:00Z') })
    // Later the same day the cut-off stays 08:00: an alert at 10:00 local belongs to tomorrow.
    expect(digestCutoff(at('2026-11-25T20:00:00Z'), 'America/New_York')).toEqual({ localDate: '2026-11-25', cutoff: at('2026-11-25T13:00:00Z') })
    // 23:30 local is still the 25th in New York, already the 26th in UTC.
    expect(digestCutoff(at('2026-11-26T04:30:00Z'), 'America/New_York')).toEqual({ localDate: '2026-11-25', cutoff: at('2026-11-25T13:00:00Z') })
  })

  it('follows daylight saving time on the days the clocks change', () => {
    // New York springs forward on 2026-03-08 (02:00 -> 03:00): 08:00 EDT is 12:00Z.
    expect(digestCutoff(at('2026-03-08T11:59:00Z'), 'America/New_York')).toBeNull()
    expect(digestCutoff(at('2026-03-08T12:00:00Z'), 'America/New_York')?.cutoff).toEqual(at('2026-03-08T12:00:00Z'))
    // ... and falls back on 2026-11-01: 08:00 EST is 13:00Z (07:00 local at 12:00Z, not yet due).
    expect(digestCutoff(at('2026-11-01T12:30:00Z'), 'America/New_York')).toBeNull()
    expect(digestCutoff(at('2026-11-01T13:00:00Z'), 'America/New_York')?.cutoff).toEqual(at('2026-11-01T13:00:00Z'))
    // Berlin: CEST from 2026-03-29 (08:00 = 06:00Z), CET again from 2026-10-25 (08:00 = 07:00Z).
    expect(zonedInstant('2026-03-28', 8, 'Europe/Berlin')).toEqual(at('2026-03-28T07:00:00Z'))
    expect(zonedInstant('2026-03-29', 8, 'Europe/Berlin')).toEqual(at('2026-03-29T06:00:00Z'))
    expect(zonedInstant('2026-10-25', 8, 'Europe/Berlin')).toEqual(at('2026-10-25T07:00:00Z'))
    // Lord Howe Island moves its clocks by half an hour (UTC+10:30 -> +11 on 2026-10-04).
    expect(zonedInstant('2026-10-03', 8, 'Australia/Lord_Howe')).toEqual(at('2026-10-02T21:30:00Z'))
    expect(zonedInstant('2026-10-04', 8, 'Australia/Lord_Howe')).toEqual(at('2026-10-03T21:00:00Z'))
  })

  it('works in zones with odd offsets and ahead of UTC across the date line', () => {
    expect(digestCutoff(at('2026-11-25T02:30:00Z'), 'Asia/Kolkata')).toEqual({ localDate: '2026-11-25', cutoff: at('2026-11-25T02:30:00Z') })
    expect(digestCutoff(at('2026-11-25T02:29:00Z'), 'Asia/Kolkata')).toBeNull()
    // Chatham Islands in summer: UTC+13:45, so 08:00 on the 25th is 18:15Z on the 24th.
    expect(digestCutoff(at('2026-11-24T18:15:00Z'), 'Pacific/Chatham')).toEqual({ localDate: '2026-11-25', cutoff: at('2026-11-24T18:15:00Z') })
    expect(digestCutoff(at('2026-11-24T18:00:00Z'), 'Pacific/Kiritimati')).toEqual({ localDate: '2026-11-25', cutoff: at('2026-11-24T18:00:00Z') })
    expect(digestCutoff(at('2026-11-25T08:00:00Z'), 'UTC')).toEqual({ localDate: '2026-11-25', cutoff: at('2026-11-25T08:00:00Z') })
  })
})
