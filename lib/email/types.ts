/** One message, as the rest of the app hands it to sendEmail. Transport-agnostic on purpose. */
export interface EmailMessage {
  to: string
  subject: string
  text: string
  html: string
  /** Extra headers (e.g. List-Unsubscribe for alerts). */
  headers?: Record<string, string>
}

export interface OutgoingEmail extends EmailMessage {
  from: string
}

export interface EmailTransport {
  /** Resolves with the transport's message id once the message is accepted. */
  send(message: OutgoingEmail): Promise<{ id: string }>
}
