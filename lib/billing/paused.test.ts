import { describe, expect, it } from 'vitest'
import { pausedWatchIds } from './paused'

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute))

describe('pausedWatchIds', () => {
  it('keeps the oldest watches up to the limit and pauses the newer ones, whatever the list order', () => {
    const watches = [
      { id: 'c', createdAt: at(3) },
      { id: 'a', createdAt: at(1) },
      { id: 'd', createdAt: at(4) },
      { id: 'b', createdAt: at(2) },
    ]
    expect(pausedWatchIds(watches, 2)).toEqual(new Set(['c', 'd']))
  })
  it('pauses nothing within the limit', () => {
    expect(pausedWatchIds([{ id: 'a', createdAt: at(1) }], 10).size).toBe(0)
  })
  it('breaks ties of the same instant by id, as the notifier does', () => {
    expect(pausedWatchIds([{ id: 'y', createdAt: at(1) }, { id: 'x', createdAt: at(1) }], 1)).toEqual(new Set(['y']))
  })
})
