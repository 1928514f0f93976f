// Memory figures of a benchmark's own process: the kernel's peak RSS (VmHWM, exact, unlike a
// sampler that can miss a spike between two samples) and the peaks of V8's heap, external memory
// and array buffers, sampled every 20 ms.
import fs from 'node:fs'

export const MB = 1024 * 1024

export interface MemoryFigures {
  /** Peak resident set of the process, from /proc (MB); the sampled peak where /proc is missing. */
  peakRssMb: number
  peakHeapTotalMb: number
  peakHeapUsedMb: number
  peakExternalMb: number
  rssMb: number
  heapUsedMb: number
}

/** The kernel's high-water mark of this process's resident set, in MB (null off Linux). */
export function kernelPeakRssMb(pid: number | 'self' = 'self'): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1]
    return kb ? Math.round(Number(kb) / 1024) : null
  } catch {
    return null
  }
}

/** The resident set of any process, in MB (null when it is gone or off Linux). */
export function processRssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1]
    return kb ? Math.round(Number(kb) / 1024) : null
  } catch {
    return null
  }
}

export function memorySampler(intervalMs = 20): { stop: () => MemoryFigures } {
  const peak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0 }
  const sample = () => {
    const m = process.memoryUsage()
    peak.rss = Math.max(peak.rss, m.rss)
    peak.heapTotal = Math.max(peak.heapTotal, m.heapTotal)
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed)
    peak.external = Math.max(peak.external, m.external)
  }
  const timer = setInterval(sample, intervalMs)
  timer.unref()
  return {
    stop() {
      sample()
      clearInterval(timer)
      const now = process.memoryUsage()
      const mb = (n: number) => Math.round(n / MB)
      return {
        peakRssMb: kernelPeakRssMb() ?? mb(peak.rss),
        peakHeapTotalMb: mb(peak.heapTotal),
        peakHeapUsedMb: mb(peak.heapUsed),
        peakExternalMb: mb(peak.external),
        rssMb: mb(now.rss),
        heapUsedMb: mb(now.heapUsed),
      }
    },
  }
}
