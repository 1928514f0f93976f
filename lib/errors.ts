// The application's error vocabulary. Library code throws these; each boundary (route handler,
// server action, page) maps them once: NotFound -> 404, LimitExceeded -> 402/409 with an upgrade
// hint, Conflict -> 409; server actions map them in one place, lib/actions/define-action.ts.
// Anything else is unexpected: logged, shown as a generic error. There is no Forbidden: every
// user-scoped query filters by the session's user id, so another user's row is simply not found.
export class AppError extends Error {
  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

export class NotFoundError extends AppError {}
export class ConflictError extends AppError {}
export class LimitExceededError extends AppError {
  constructor(
    message: string,
    readonly limit: number,
  ) {
    super(message)
  }
}

/** The action needs the user to confirm something first (watching a vendor we cannot read). */
export class ConfirmationRequiredError extends AppError {}
