import { describe, expect, it } from 'vitest'
import { createDbGate } from './db-gate'

describe('createDbGate', () => {
  it('never runs more than its slots at once, and runs every piece of work', async () => {
    const gate = createDbGate(2)
    let running = 0
    let most = 0
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gate(async () => {
          running++
          most = Math.max(most, running)
          await new Promise((resolve) => setTimeout(resolve, 1))
          running--
          return i
        }),
      ),
    )
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(most).toBe(2)
  })

  // The embedded database runs queries synchronously; handing the slot on through promises alone
  // would run a whole queue of them without the event loop polling sockets once.
  it('lets the event loop turn between two grants, even when the work never waits for I/O', async () => {
    const gate = createDbGate(1)
    let turns = 0
    let counting = true
    const count = () => {
      turns++
      if (counting) setImmediate(count)
    }
    setImmediate(count)
    const seen: number[] = []
    await Promise.all(Array.from({ length: 5 }, () => gate(async () => void seen.push(turns))))
    counting = false
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1] as number)
  })

  it('frees the slot when the work fails', async () => {
    const gate = createDbGate(1)
    await expect(gate(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(gate(async () => 'next')).resolves.toBe('next')
  })
})
