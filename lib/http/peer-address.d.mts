import type { IncomingMessage } from 'node:http'
export const PEER_ADDRESS_HEADER: string
export function markPeerAddressStamped(): void
export function isPeerAddressStamped(): boolean
export function stampPeerAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>): void
