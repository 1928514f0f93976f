// The parent side of the load generator (scripts/bench/load.ts): forks it, so the clients' event
// loop is not the benchmark's, and turns its messages into promises. bench:pages and bench:search
// both drive it.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { LoadMessage, LoadRequest, LoadResult, LoadRun } from './load-protocol'

export function startLoadGenerator() {
  const child = fork(fileURLToPath(new URL('./load.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const next = <T extends LoadMessage['type']>(type: T) =>
    new Promise<Extract<LoadMessage, { type: T }>>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`load generator exited (code ${code})`))
      const onMessage = (m: LoadMessage) => {
        if (m.type !== type) return
        child.off('message', onMessage).off('exit', onExit)
        resolve(m as Extract<LoadMessage, { type: T }>)
      }
      child.on('message', onMessage).once('exit', onExit)
    })
  return {
    ready: next('ready'),
    pid: child.pid,
    run: async (job: LoadRun): Promise<LoadResult> => {
      const answer = next('result')
      child.send(job satisfies LoadRequest)
      return (await answer).result
    },
    stop: () => child.connected && child.send({ type: 'stop' } satisfies LoadRequest),
  }
}
