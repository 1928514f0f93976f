export function describeKnownFailure(error: unknown, env?: Record<string, string | undefined>): string | null
export function runCli(name: string, main: () => Promise<number | void>): void
