import { describe, expect, it } from 'vitest'
import { chartWindow, fillBuckets, niceMax, peakBucket, reportsChartGeometry, type ReportsSeries } from './reports-chart'

const SIZE = { width: 600, height: 140, left: 30, bottom: 20, top: 10 }
const NOW = new Date('2026-03-02T10:47:12Z')

describe('chartWindow', () => {
  it('ends with the bucket holding now and spans the hours in whole buckets', () => {
    const w = chartWindow(NOW, 15, 24)
    expect(w.to.toISOString()).toBe('2026-03-02T11:00:00.000Z')
    expect(w.from.toISOString()).toBe('2026-03-01T11:00:00.000Z')
    expect(w.buckets).toBe(96)
  })

  it('aligns like the database buckets (date_bin from 2000-01-01)', () => {
    const w = chartWindow(new Date('2026-03-02T10:04:59Z'), 5, 1)
    expect(w.to.toISOString()).toBe('2026-03-02T10:05:00.000Z')
    expect(w.buckets).toBe(12)
  })
})

describe('fillBuckets', () => {
  it('puts counts at their bucket, zeros elsewhere, and ignores buckets outside the window', () => {
    const { from, buckets } = chartWindow(NOW, 15, 24)
    const counts = fillBuckets(
      [
        { start: new Date('2026-03-01T10:45:00Z'), networks: 9 },
        { start: new Date('2026-03-01T11:00:00Z'), networks: 2 },
        { start: new Date('2026-03-02T10:45:00Z'), networks: 23 },
      ],
      from,
      15,
      buckets,
    )
    expect(counts).toHaveLength(96)
    expect(counts[0]).toBe(2)
    expect(counts[95]).toBe(23)
    expect(counts.reduce((a, b) => a + b, 0)).toBe(25)
  })
})

describe('niceMax', () => {
  it('rounds up to 1, 2, 4, 5 or 10 times a power of ten', () => {
    expect([0, 1, 3, 7, 23, 100, 101].map(niceMax)).toEqual([4, 1, 4, 10, 40, 100, 200])
  })
})

const series = (counts: number[], baseline: number[] | null): ReportsSeries => ({ from: new Date('2026-03-01T11:00:00Z'), bucketMinutes: 15, counts, baseline })

describe('reportsChartGeometry', () => {
  it('draws no bar on an empty day and keeps a whole-number scale', () => {
    const g = reportsChartGeometry(series(new Array(96).fill(0), new Array(96).fill(0)), SIZE)
    expect(g.bars).toEqual([])
    expect(g.yMax).toBe(4)
    expect(g.ticks.map((t) => t.value)).toEqual([0, 2, 4])
    // A zero baseline lies on the x axis.
    const bottom = SIZE.height - SIZE.bottom
    expect(g.baselinePath).toMatch(new RegExp(`^M30 ${bottom}H`))
    expect(g.baselinePath!.match(/ (\d+(\.\d+)?)H/g)!.every((m) => m === ` ${bottom}H`)).toBe(true)
  })

  it('scales to a spike: the spike reaches the top, the usual level stays low', () => {
    const counts = new Array(96).fill(0)
    counts[94] = 23
    counts[10] = 1
    const g = reportsChartGeometry(series(counts, new Array(96).fill(3)), SIZE)
    expect(g.yMax).toBe(40)
    expect(g.bars.map((b) => b.index)).toEqual([10, 94])
    const spike = g.bars[1]!
    expect(spike.count).toBe(23)
    expect(spike.start.toISOString()).toBe('2026-03-02T10:30:00.000Z')
    expect(spike.y + spike.height).toBe(SIZE.height - SIZE.bottom)
    expect(spike.height).toBeCloseTo((23 / 40) * 110, 1)
    // Bars stay inside the plot and do not overlap their neighbours' slots.
    const slot = (SIZE.width - SIZE.left) / 96
    expect(spike.x).toBeGreaterThanOrEqual(SIZE.left + 94 * slot)
    expect(spike.x + spike.width).toBeLessThanOrEqual(SIZE.left + 95 * slot + 0.01)
  })

  it('draws no baseline line when there is no baseline yet', () => {
    expect(reportsChartGeometry(series([0, 2, 0], null), SIZE).baselinePath).toBeNull()
  })

  it('lets the baseline set the scale when it is above every bar', () => {
    expect(reportsChartGeometry(series([1, 0], [8, 8]), SIZE).yMax).toBe(10)
  })
})

describe('peakBucket', () => {
  it('names the busiest bucket with its usual level, the first of equals', () => {
    expect(peakBucket(series([0, 5, 2, 5], [1, 2, 3, 4]))).toEqual({ start: new Date('2026-03-01T11:15:00Z'), count: 5, usual: 2 })
  })

  it('is null when nothing was reported, and has no usual level without a baseline', () => {
    expect(peakBucket(series([0, 0], [1, 1]))).toBeNull()
    expect(peakBucket(series([0, 1], null))?.usual).toBeNull()
  })
})
