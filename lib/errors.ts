// The application's error vocabulary. Library code throws these; each boundary (route handler,
// server action, page) maps them once: NotFound -> 404, Forbidden -> 403, LimitExceeded -> 402/409
// with an upgrade hint, Conflict -> 409. Anything else is unexpected: logged, shown as a generic error.
export class AppError extends Error {
  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

export class NotFoundError extends AppError {}
export class ForbiddenError extends AppError {}
export class ConflictError extends AppError {}
export class LimitExceededError extends AppError {
  constructor(
    message: string,
    readonly limit: number,
  ) {
    super(message)
  }
}
