// Content hashes used to recognise "the same thing again": an update body that was edited keeps
// its id but changes its hash; a fetched payload with the hash we stored last time is unchanged.
// They live with the data because they are stored: the refresh compares a fresh body's hash with
// the one written here, so both sides must hash the same way.
import { createHash } from 'node:crypto'

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Line endings and surrounding white space are not edits. */
export function hashBody(body: string): string {
  return sha256(body.replace(/\r\n?/g, '\n').trim())
}
