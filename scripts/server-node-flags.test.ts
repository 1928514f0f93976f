import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { SERVER_NODE_FLAGS, serverNodeOptions, serverProcess } from './server-node-flags.mjs'

describe('serverNodeOptions', () => {
  it('gives the server the frugal V8 heap settings when the operator sets none', () => {
    expect(serverNodeOptions(undefined)).toBe('--max-semi-space-size=8 --max-old-space-size=1024')
    expect(serverNodeOptions('')).toBe('--max-semi-space-size=8 --max-old-space-size=1024')
  })

  it("keeps the operator's own flags, and drops a default they set themselves", () => {
    expect(serverNodeOptions('--max-old-space-size=160 --max-semi-space-size=4')).toBe('--max-old-space-size=160 --max-semi-space-size=4')
    expect(serverNodeOptions('--max_old_space_size=300')).toBe('--max-semi-space-size=8 --max_old_space_size=300')
    expect(serverNodeOptions(' --enable-source-maps ')).toBe('--max-semi-space-size=8 --max-old-space-size=1024 --enable-source-maps')
  })

  it('is what a Node started that way runs with (V8 takes the last of a flag given twice)', () => {
    const limitMb = (nodeOptions: string) =>
      Number(execFileSync(process.execPath, ['-p', "require('v8').getHeapStatistics().heap_size_limit / 1048576"], { env: { ...process.env, NODE_OPTIONS: nodeOptions } }).toString())
    const semi = (mb: number) => 3 * mb // V8's young generation: two semi-spaces and a new large-object space of the same size
    expect(limitMb(serverNodeOptions(''))).toBe(1024 + semi(8))
    expect(limitMb(serverNodeOptions('--max-old-space-size=160 --max-semi-space-size=4'))).toBe(160 + semi(4))
  })
})

describe('serverProcess', () => {
  it('passes --liftoff-only and leaves the rest of the environment alone', () => {
    const { env, flags } = serverProcess({ PORT: '3000', NODE_OPTIONS: '--max-old-space-size=200' })
    expect(flags).toEqual(SERVER_NODE_FLAGS)
    expect(flags).toContain('--liftoff-only')
    expect(env).toMatchObject({ PORT: '3000', NODE_OPTIONS: '--max-semi-space-size=8 --max-old-space-size=200' })
  })
})
