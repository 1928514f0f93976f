// The cost-growth measure the poison-body tests rely on: it must tell linear from quadratic work,
// also when one run is far cheaper than a scheduler tick (a CI run once read "40x" for work that
// costs nothing, one tick over the floor).
import { describe, expect, it } from 'vitest'
import { costRatio } from './cpu-cost'

let sink = 0
const linear = (n: number) => () => {
  for (let i = 0; i < n; i++) sink = (sink + i) % 1_000_003
}
const quadratic = (n: number) => () => {
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sink = (sink + i * j) % 1_000_003
}

describe('costRatio', () => {
  it('reads linear work as linear, even when one run costs far less than a tick', () => {
    expect(costRatio(linear(8 * 2_000), linear(2_000), 8)).toBeLessThan(3)
  })

  it('reads constant work (a body cut to a limit) as no growth', () => {
    expect(costRatio(linear(500), linear(500), 8)).toBeLessThan(3)
  })

  it('reads quadratic work as super-linear', () => {
    expect(costRatio(quadratic(8 * 300), quadratic(300), 8)).toBeGreaterThan(4)
  })
})
