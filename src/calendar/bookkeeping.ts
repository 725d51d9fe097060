/**
 * What `failover reroute` writes into a post to say it did something, and how it is read back:
 * one place, so the planner that reads these marks and the writer that writes them agree.
 */
import type { Post } from "./model.js";

/** How a crisis notice's `reason` starts; then the down channel: "notice: instagram is …". */
export const NOTICE_PREFIX = "notice: ";

/** How a skip by failover starts its `reason` (a skip written by a person is left alone). */
export const SKIPPED_BY_FAILOVER = "skipped by failover: ";

/** A crisis notice added by `failover reroute`. */
export function isNotice(post: Post): boolean {
  return post.reason?.startsWith(NOTICE_PREFIX) === true;
}

/** A post skipped by failover (not one a person skipped: that is their decision to keep). */
export function isFailoverSkip(post: Post): boolean {
  return post.status === "skipped" && post.reason?.startsWith(SKIPPED_BY_FAILOVER) === true;
}

/** A post failover added to stand in for another: its `reason` is its own, not bookkeeping to undo. */
export function isStandIn(post: Post): boolean {
  return post.reroutedFrom !== undefined;
}
