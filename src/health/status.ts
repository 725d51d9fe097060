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

/** A status as it reads in a table: "major outage". */
export function statusLabel(status: HealthStatus): string {
  return status.replace("_", " ");
}

const STATE_WORDS: Record<HealthStatus, string> = {
  operational: "up (operational)",
  degraded: "degraded",
  maintenance: "under maintenance",
  partial_outage: "partly down (partial outage)",
  major_outage: "down (major outage)",
  unknown: "of unknown health",
};

/** What follows "instagram is": "down (major outage)", "partly down (partial outage)". */
export function statusWords(status: HealthStatus): string {
  return STATE_WORDS[status];
}

/** Short words people type for a status (`--assume instagram=down`), and what they mean. */
export const STATUS_ALIASES: Readonly<Record<string, HealthStatus>> = {
  down: "major_outage",
  up: "operational",
  ok: "operational",
  partial: "partial_outage",
};

/** A status or one of its aliases, as typed (case and dashes forgiven); undefined when neither. */
export function parseStatusWord(text: string): HealthStatus | undefined {
  const word = text.trim().toLowerCase().replace(/[-\s]/g, "_");
  if (isHealthStatus(word)) return word;
  return STATUS_ALIASES[word];
}
