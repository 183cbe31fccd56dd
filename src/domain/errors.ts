/** Typed errors that one HTTP handler turns into a status and a Chinese page. */
export class DomainError extends Error {
  readonly status: number = 400;
}

export class ValidationError extends DomainError {
  override readonly status = 400;
  /** The form field the message is about, when there is one. */
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  override readonly status = 403;
  constructor(message = "您没有权限访问此页面。") {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  override readonly status = 404;
  constructor(message = "页面不存在。") {
    super(message);
  }
}

/** Someone else changed the record since the form was loaded (optimistic locking). */
export class ConflictError extends DomainError {
  override readonly status = 409;
}

export class TooManyRequestsError extends DomainError {
  override readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class CalendarRangeError extends DomainError {
  override readonly status = 400;
}
