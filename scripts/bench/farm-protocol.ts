// Messages between the refresh benchmark and its status farm (a child process, over Node IPC).
import type { CatalogRow } from '@/lib/catalog/catalog-row'

export const FARM_LATENCY_MS = { min: 100, max: 300 } as const
/** Share of vendors that are broken every cycle (HTTP 500, an HTML page, or no answer at all). */
export const FARM_FAULT_SHARE = 0.01
export const FAULT_KINDS = ['http500', 'html', 'timeout'] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

export interface FarmStats {
  requests: number
  /** 200s with a body. */
  ok: number
  notModified: number
  /** 404s for optional endpoints, and the 500s of broken vendors. */
  errors: number
  /** Requests left unanswered on purpose (the client times out). */
  hung: number
  bytesOut: number
  /** The farm's own CPU time, to see how much of the 2 cores it took from the measured process. */
  cpuMs: number
}

export type FarmRequest = { type: 'mutate'; count: number } | { type: 'stats' } | { type: 'stop' }

export type FarmMessage =
  | {
      type: 'ready'
      rows: CatalogRow[]
      /** Stand-in for https://api.status.io/1.0/status/, which all status.io vendors share. */
      statusioApiBase: string
      vendorsPerPlatform: Record<string, number>
      faults: Record<FaultKind, number>
      /** Variants per platform that parse with their source module (the rest were dropped). */
      variantsPerPlatform: Record<string, number>
    }
  | { type: 'mutated'; count: number }
  | { type: 'stats'; stats: FarmStats }
