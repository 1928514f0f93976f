// Every string that becomes an email header passes here on its way to a transport. Subjects carry
// upstream text (incident titles, component names) that a hostile status page controls; a CR/LF in
// it would end the header and start a new one (Bcc:, a second body), and other line breakers
// (NEL, U+2028/2029) are read as breaks by some mail software. So control characters become
// spaces, runs of whitespace collapse to one, and every value is bounded.

/** C0 controls, DEL, C1 controls (NEL among them) and the Unicode line and paragraph separators. */
const LINE_BREAKERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/** A subject longer than this is cut with an ellipsis: clients show ~80 characters anyway. */
export const MAX_SUBJECT_CHARS = 250
/** RFC 5322's hard limit for one header line. */
export const MAX_HEADER_CHARS = 998
/** Header names are printable ASCII without the colon (RFC 5322 §2.2). */
const HEADER_NAME = /^[\x21-\x39\x3b-\x7e]{1,76}$/

/** `value` as one safe header line of at most `max` characters. */
export function headerText(value: string, max = MAX_HEADER_CHARS): string {
  const flat = value.replace(LINE_BREAKERS, ' ').replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  let cut = flat.slice(0, max - 1)
  // Never leave half of a surrogate pair at the end.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1)
  return `${cut.trimEnd()}…`
}

interface HeaderFields {
  from: string
  to: string
  subject: string
  headers?: Record<string, string>
}

/** The message with every header-bound field made safe; custom headers with an invalid name are dropped. */
export function withSafeHeaders<T extends HeaderFields>(message: T): T {
  const safe: T = {
    ...message,
    from: headerText(message.from),
    to: headerText(message.to),
    subject: headerText(message.subject, MAX_SUBJECT_CHARS),
  }
  if (message.headers) {
    safe.headers = Object.fromEntries(Object.entries(message.headers).filter(([name]) => HEADER_NAME.test(name)).map(([name, value]) => [name, headerText(value)]))
  }
  return safe
}
