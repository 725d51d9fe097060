import { z } from "zod";

/** The contract's normalized health statuses, best to worst, and `unknown` beside them. */
export const HEALTH_STATUSES = ["operational", "degraded", "maintenance", "partial_outage", "major_outage"] as const;
export type KnownStatus = (typeof HEALTH_STATUSES)[number];
export type HealthStatus = KnownStatus | "unknown";
export const ALL_STATUSES = [...HEALTH_STATUSES, "unknown"] as const;

const RANK: Record<KnownStatus, number> = {
  operational: 0,
  degraded: 1,
  maintenance: 2,
  partial_outage: 3,
  major_outage: 4,
};

/** The worse of two known statuses. */
export function worse(a: KnownStatus, b: KnownStatus): KnownStatus {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The worst status among sources that answered; `unknown` only when none did. */
export function combineStatuses(statuses: readonly HealthStatus[]): HealthStatus {
  const known = statuses.filter((s): s is KnownStatus => s !== "unknown");
  if (known.length === 0) return "unknown";
  return known.reduce(worse);
}

export function isHealthStatus(value: string): value is HealthStatus {
  return (ALL_STATUSES as readonly string[]).includes(value);
}

export const healthStatus = z.enum(ALL_STATUSES);
export const knownHealthStatus = z.enum(HEALTH_STATUSES);
