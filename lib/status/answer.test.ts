import { describe, expect, it } from 'vitest'
import { agoWords, type AnswerIncident, type AnswerInput, answerSentence, listWords, sinceWords, vendorAnswer } from './answer'

// Every time is relative to this injected instant; nothing reads the real clock.
const now = new Date('2026-03-10T11:34:00Z')
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000)
const fresh = { kind: 'fresh', lastCheckedAt: minutesAgo(1), lastSuccessAt: minutesAgo(1) } as const

const incident = (over: Partial<AnswerIncident> = {}): AnswerIncident => ({
  title: 'Degraded performance for Actions',
  status: 'investigating',
  impact: 'major',
  startedAt: minutesAgo(52),
  resolvedAt: null,
  componentNames: ['Actions', 'Pull Requests'],
  ...over,
})

const input = (over: Partial<AnswerInput> = {}): AnswerInput => ({
  vendorName: 'GitHub',
  freshness: fresh,
  status: 'operational',
  statusText: 'All Systems Operational',
  statusChangedAt: minutesAgo(600),
  openIncidents: [],
  maintenances: [],
  components: [
    { name: 'Git Operations', status: 'operational' },
    { name: 'Actions', status: 'operational' },
  ],
  ...over,
})

describe('answerSentence', () => {
  it('names the outage, what it affects, since when and for how long', () => {
    expect(answerSentence(input({ status: 'partial_outage', openIncidents: [incident()] }), now)).toBe(
      'GitHub is having a partial outage: Actions and Pull Requests are affected (since 10:42 UTC, 52 min).',
    )
  })

  it('says each problem status in words', () => {
    expect(answerSentence(input({ status: 'degraded', openIncidents: [incident({ impact: 'minor', componentNames: ['Actions'] })] }), now)).toBe(
      'GitHub is having degraded performance: Actions is affected (since 10:42 UTC, 52 min).',
    )
    expect(answerSentence(input({ status: 'major_outage', openIncidents: [incident({ impact: 'critical', componentNames: [] })] }), now)).toBe(
      'GitHub is having a major outage (since 10:42 UTC, 52 min).',
    )
  })

  it('falls back to the components shown as down when no incident names any, and to the status change time', () => {
    const components = [
      { name: 'Git Operations', status: 'major_outage' as const },
      { name: 'API Requests', status: 'operational' as const },
    ]
    expect(answerSentence(input({ status: 'major_outage', statusChangedAt: minutesAgo(5), components }), now)).toBe(
      'GitHub is having a major outage: Git Operations is affected (since 11:29 UTC, 5 min).',
    )
  })

  it('starts at the earliest open incident and lists at most three names', () => {
    const a = incident({ startedAt: minutesAgo(30), componentNames: ['A', 'B'] })
    const b = incident({ startedAt: minutesAgo(90), componentNames: ['B', 'C', 'D', 'E'] })
    expect(answerSentence(input({ status: 'partial_outage', openIncidents: [a, b] }), now)).toBe(
      'GitHub is having a partial outage: A, B, C and 2 more are affected (since 10:04 UTC, 1 h 30 min).',
    )
  })

  it('gives the date when the problem started on an earlier UTC day', () => {
    const started = new Date('2026-03-08T22:10:00Z')
    expect(answerSentence(input({ status: 'partial_outage', openIncidents: [incident({ startedAt: started })] }), now)).toMatch(
      /\(since Mar 8 22:10 UTC, 1 d 13 h\)\.$/,
    )
  })

  it('says there are no known problems, and when we checked', () => {
    expect(answerSentence(input(), now)).toBe('No known problems at GitHub right now (checked 1 min ago).')
    expect(answerSentence(input({ freshness: { ...fresh, lastCheckedAt: new Date(now.getTime() - 20_000) } }), now)).toBe(
      'No known problems at GitHub right now (checked less than a minute ago).',
    )
  })

  it('names maintenance as maintenance, never as an outage (Vercel: "Service Under Maintenance")', () => {
    expect(answerSentence(input({ status: 'partial_outage', statusText: 'Service Under Maintenance', openIncidents: [incident()] }), now)).toBe(
      'GitHub is under maintenance, with a partial outage: Actions and Pull Requests are affected (since 10:42 UTC, 52 min).',
    )
    const window = { title: 'Database upgrade', status: 'in_progress' as const, startedAt: minutesAgo(20), scheduledFor: minutesAgo(25) }
    expect(answerSentence(input({ status: 'maintenance', maintenances: [window] }), now)).toBe(
      'GitHub is under scheduled maintenance: Database upgrade (since 11:14 UTC, 20 min).',
    )
    const components = [{ name: 'Packages', status: 'maintenance' as const }]
    expect(answerSentence(input({ status: 'maintenance', maintenances: [window], components }), now)).toBe(
      'GitHub is under scheduled maintenance: Packages (since 11:14 UTC, 20 min).',
    )
  })

  it('scheduled or finished windows are not maintenance in progress', () => {
    const later = { title: 'Upgrade', status: 'scheduled' as const, startedAt: null, scheduledFor: new Date(now.getTime() + 3_600_000) }
    expect(answerSentence(input({ maintenances: [later] }), now)).toBe('No known problems at GitHub right now (checked 1 min ago).')
  })

  it('reports an open incident that implies no outage as an incident, not an outage', () => {
    const notice = incident({ impact: 'none', title: 'Delayed emails', startedAt: minutesAgo(10) })
    expect(answerSentence(input({ openIncidents: [notice, incident({ impact: 'unknown', startedAt: minutesAgo(5) })] }), now)).toBe(
      'GitHub reports an open incident, “Delayed emails” and 1 more (since 11:24 UTC, 10 min), but does not report an outage (checked 1 min ago).',
    )
  })

  it('ignores incidents that are over even if handed in', () => {
    const over = incident({ status: 'resolved', resolvedAt: minutesAgo(3) })
    expect(answerSentence(input({ openIncidents: [over] }), now)).toBe('No known problems at GitHub right now (checked 1 min ago).')
  })

  it('says when the page itself does not tell', () => {
    expect(answerSentence(input({ status: 'unknown' }), now)).toBe("GitHub's status page does not say whether it is up right now (checked 1 min ago).")
  })

  it('says we cannot read the page, since the last good read, and what that read said', () => {
    const stale = { kind: 'stale', lastCheckedAt: minutesAgo(1), lastSuccessAt: minutesAgo(75), error: 'queryA ENOTFOUND' } as const
    const sentence = answerSentence(input({ freshness: stale, status: 'partial_outage' }), now)
    expect(sentence).toBe("We cannot read GitHub's status page right now (since 10:19 UTC, 1 h 15 min); when we last read it, it reported a partial outage.")
    expect(sentence).not.toMatch(/ENOTFOUND/)
  })

  it('says an old reading may be out of date', () => {
    const old = { kind: 'stale', lastCheckedAt: minutesAgo(12), lastSuccessAt: minutesAgo(12), error: null } as const
    expect(answerSentence(input({ freshness: old }), now)).toBe("GitHub's status may be out of date: when we last read it, 12 min ago, it reported no problems.")
  })

  it('never gives a status before a successful read', () => {
    expect(answerSentence(input({ freshness: { kind: 'never_checked' }, status: 'major_outage' }), now)).toBe(
      "We have not read GitHub's status page yet, so we cannot say whether GitHub is down right now.",
    )
    const failing = { kind: 'never_succeeded', lastCheckedAt: minutesAgo(2), error: 'HTTP 500' } as const
    expect(answerSentence(input({ freshness: failing }), now)).toBe(
      "We cannot read GitHub's status page right now (none of our checks has worked yet; the latest 2 min ago), so we cannot say whether GitHub is down.",
    )
    expect(answerSentence(input({ freshness: { kind: 'unmonitored' } }), now)).toBe(
      "We don't read GitHub's status page automatically, so we cannot say whether GitHub is down: check its official status page.",
    )
  })
})

describe('answerSentence: our early warning and a moved page', () => {
  const reported = { openedAt: minutesAgo(52), evidence: { reports: 23 } }

  it('names an open possible outage as unofficial while the official page reports no problem', () => {
    expect(answerSentence(input({ possibleOutage: reported }), now)).toBe(
      "Users report problems with GitHub (unofficial, since 10:42 UTC, 52 min); GitHub's status page reports no problems (checked 1 min ago).",
    )
  })

  it('says "our probes" when no user reported, only the probes see it', () => {
    expect(answerSentence(input({ possibleOutage: { openedAt: minutesAgo(0), evidence: { reports: 0 } } }), now)).toMatch(
      /^Our probes see problems with GitHub \(unofficial, since 11:34 UTC, under a minute\); /,
    )
  })

  it('keeps an open incident without an outage, and an unknown status, in the official part', () => {
    expect(answerSentence(input({ possibleOutage: reported, openIncidents: [incident({ impact: 'none' })] }), now)).toBe(
      "Users report problems with GitHub (unofficial, since 10:42 UTC, 52 min); GitHub's status page reports an open incident but no outage (checked 1 min ago).",
    )
    expect(answerSentence(input({ possibleOutage: reported, status: 'unknown' }), now)).toMatch(/; GitHub's status page does not say whether it is up \(checked 1 min ago\)\.$/)
  })

  it('an official problem is the answer: the possible outage adds nothing', () => {
    const official = input({ status: 'partial_outage', openIncidents: [incident()] })
    expect(answerSentence({ ...official, possibleOutage: reported }, now)).toBe(answerSentence(official, now))
  })

  it('when the page seems to have moved, nothing is claimed on the strength of what we read', () => {
    const withOutage = answerSentence(input({ possibleOutage: reported, sourceChanged: true }), now)
    expect(withOutage).toBe("Users report problems with GitHub (unofficial, since 10:42 UTC, 52 min); GitHub's status page seems to have moved, so we cannot say what it reports now (checked 1 min ago).")
    expect(withOutage).not.toMatch(/no problems/)
    const quiet = answerSentence(input({ sourceChanged: true }), now)
    expect(quiet).not.toMatch(/^No known problems/)
    expect(quiet).toBe("GitHub's status page seems to have moved, so we cannot say for sure whether GitHub is down: the page we read reports no problems (checked 1 min ago).")
  })

  it('without a fresh read, our signal leads and the official side stays "we cannot say"', () => {
    const stale = { kind: 'stale', lastCheckedAt: minutesAgo(1), lastSuccessAt: minutesAgo(90), error: 'timeout' } as const
    expect(answerSentence(input({ freshness: stale, possibleOutage: reported }), now)).toBe(
      "Users report problems with GitHub (unofficial, since 10:42 UTC, 52 min). We cannot read GitHub's status page right now (since 10:04 UTC, 1 h 30 min); when we last read it, it reported no problems.",
    )
  })

  it('vendorAnswer passes the signals through (the page, its meta description and the API summary)', () => {
    const stored = { name: 'GitHub', status: 'operational' as const, statusText: null, statusChangedAt: null, openIncidents: [], maintenances: [], components: [] }
    expect(vendorAnswer(stored, fresh, now)).toBe('No known problems at GitHub right now (checked 1 min ago).')
    expect(vendorAnswer(stored, fresh, now, { possibleOutage: reported })).toMatch(/^Users report problems with GitHub \(unofficial, since 10:42 UTC/)
  })
})

describe('the sentence parts', () => {
  it('lists names in English', () => {
    expect(listWords([])).toBe('')
    expect(listWords(['A'])).toBe('A')
    expect(listWords(['A', 'B'])).toBe('A and B')
    expect(listWords(['A', 'B', 'C'])).toBe('A, B and C')
    expect(listWords(['A', 'B', 'C', 'D'])).toBe('A, B, C and 1 more')
  })

  it('formats since and ago', () => {
    expect(sinceWords(minutesAgo(0), now)).toBe('since 11:34 UTC, under a minute')
    expect(sinceWords(minutesAgo(1), now)).toBe('since 11:33 UTC, 1 min')
    expect(agoWords(minutesAgo(180), now)).toBe('3 h ago')
  })
})
