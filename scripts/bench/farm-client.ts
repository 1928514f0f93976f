// The benchmark's side of the status farm: forks it and asks it things over IPC.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { FarmMessage, FarmRequest, FarmStats } from './farm-protocol'

type Reply<T extends FarmMessage['type']> = Extract<FarmMessage, { type: T }>

export function startFarm(vendors: number) {
  const child = fork(fileURLToPath(new URL('./status-farm.ts', import.meta.url)), [String(vendors)], {
    // Only the TypeScript loader: the farm needs no --expose-gc and must not inherit a profiler flag.
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const next = <T extends FarmMessage['type']>(type: T) =>
    new Promise<Reply<T>>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`status farm exited (code ${code})`))
      const onMessage = (m: FarmMessage) => {
        if (m.type !== type) return
        child.off('message', onMessage).off('exit', onExit)
        resolve(m as Reply<T>)
      }
      child.on('message', onMessage).once('exit', onExit)
    })
  // Requests are sequential (the benchmark awaits each), so the next reply of a type is ours.
  const ask = <T extends FarmMessage['type']>(request: FarmRequest, reply: T) => {
    const answer = next(reply)
    child.send(request)
    return answer
  }
  const ready = next('ready')
  ready.catch(() => {}) // awaited later; a farm that dies first must not crash us unhandled
  return {
    ready,
    /** Moves `count` healthy vendors to another state of their page; resolves with how many moved. */
    mutate: async (count: number) => (await ask({ type: 'mutate', count }, 'mutated')).count,
    /** Counters since the farm started. */
    stats: async (): Promise<FarmStats> => (await ask({ type: 'stats' }, 'stats')).stats,
    stop: () => {
      if (child.connected) child.send({ type: 'stop' } satisfies FarmRequest)
    },
  }
}

export type Farm = ReturnType<typeof startFarm>
