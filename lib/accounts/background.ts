// Work an account flow does only when an account exists (issuing a link, sending an email) runs
// after the answer, not before it: otherwise the time to answer tells a visitor whether an
// address has an account. The flows take a `Defer` so the caller decides how "after" happens.
export type Defer = (task: () => Promise<void>) => void | Promise<void>

/** Runs the task before answering. For scripts and tests that want the email sent on return. */
export const runNow: Defer = (task) => task()
