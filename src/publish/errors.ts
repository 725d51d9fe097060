/**
 * How a send can fail, in the three ways the run treats differently (shared/CONTRACT.md):
 * refused for good (4xx other than 408/429: `status: failed` with the platform's message), worth
 * another try (network, 5xx, 408, 429: retried within the run's deadline, then left due), and sent
 * or not, nobody can tell (`status: uncertain`, never resent automatically).
 */
export type FailureKind = "permanent" | "transient" | "uncertain";

export class PublishFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly details: {
      /** A 429's or 503's Retry-After, in ms. */
      retryAfterMs?: number;
      /** HTTP status, when there was an answer. */
      status?: number;
      /** True when the request may have reached the platform (a timeout after sending). */
      maybeSent?: boolean;
      /** What a person can do about it ("the token has expired: make a new one"). */
      hint?: string;
    } = {},
  ) {
    super(message);
    this.name = "PublishFailure";
  }
}

export const permanent = (message: string, hint?: string): PublishFailure => new PublishFailure("permanent", message, hint ? { hint } : {});
export const uncertainFate = (message: string): PublishFailure => new PublishFailure("uncertain", message);

export function isPublishFailure(error: unknown): error is PublishFailure {
  return error instanceof PublishFailure;
}
