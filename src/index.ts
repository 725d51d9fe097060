/**
 * failover as a library: the same typed functions the CLI is a thin shell around. Load a project,
 * read channels' health, plan reroutes, rewrite a post for a platform, and get the verdict, with
 * no printing and no process exits. Time is always passed in (`now`, epoch ms).
 *
 *   import { loadProject, checkProject } from "failover";
 *
 * See docs/library.md. The CLI (bin/failover.js) is not part of this entry.
 */

// Loading files
export { loadProject, type Project, type ProjectPaths } from "./project.js";
export { loadCalendar, parseCalendar, DEFAULT_CALENDAR_PATH } from "./calendar/load.js";
export type { Calendar, Post } from "./calendar/model.js";
export { lintCalendar, type LintOptions } from "./calendar/lint.js";
export { loadConfig, parseConfig, resolveChannel, knownChannelNames, DEFAULT_CONFIG_PATH, type LoadConfigOptions } from "./config/load.js";
export type { Channel, Config, Defaults, HealthSettings, Notice } from "./config/model.js";
export { findConfig, projectFolderOf, type ConfigLookup, type ConfigOrigin } from "./config/find.js";

// Health
export { checkHealth, healthMap, type CheckHealthOptions } from "./check-health.js";
export type { ChannelHealth, SourceResult } from "./health/types.js";
export { applyThresholds, loadState, saveState, STATE_FILE, STATE_FOLDER, type HealthState } from "./health/state-file.js";
export { runHealth, type HealthRun, type HealthRunOptions } from "./run-health.js";
export { isDownStatus, isUpStatus, type DownRule } from "./health/down.js";
export { HEALTH_STATUSES, ALL_STATUSES, isHealthStatus, type HealthStatus } from "./health/status.js";

// Planning and the verdict
export { checkProject, planReroutes, verdictFor, channelsFor, adapterRewriter, DEFAULT_WINDOW_MS, type CheckResult, type PlanOptions } from "./check.js";
export { makePlan, type PlanInput, type Rewriter } from "./planner/plan.js";
export type { ActionKind, Plan, PlanAction, PlannedPost, TextLength, Unroutable } from "./planner/types.js";
export { assessRisk, exitCodeFor, nextPostAfter, type PostRisk, type Risk, type Verdict } from "./planner/risk.js";

// Applying a plan to the calendar, and failing back
export { planFailback } from "./check.js";
export { makeFailbackPlan, failbackChannels, type FailbackInput } from "./planner/failback.js";
export { readPlanFile } from "./planner/plan-file.js";
export { applyPlan, type ApplyOptions, type ApplyResult } from "./writer/apply.js";
export { editCalendarText, type CalendarOp } from "./writer/calendar-edit.js";
export { planToOps, StalePlanError } from "./writer/plan-ops.js";
export { acquireLock, LockedError, type Lock } from "./writer/lock.js";

// Publishing (failover publish)
export { publishProject, DEFAULT_DEADLINE_MS, type PublishOptions, type PublishReport, type DuePost } from "./publish/publish.js";
export { duePosts, DEFAULT_LATE_MS, type DueOptions } from "./publish/due.js";
export { PUBLISHERS, publisherFor } from "./publish/registry.js";
export { PUBLISH_SETTINGS, canPublish } from "./config/publish-settings.js";
export { PublishFailure, permanent, held, uncertainFate, isPublishFailure, type FailureKind } from "./publish/errors.js";
export type { PublishHttp, HttpRequest, HttpAnswer } from "./publish/http.js";
export type { Publisher, Published, PublishContext, ChannelContext, Step, AnyPublisher } from "./publish/types.js";
export { Journal, journalPathFor, type JournalEntry } from "./publish/journal.js";
export { editCalendarFile, type EditFileOptions } from "./writer/apply.js";
// The autopilot (failover run): one cycle, the loop, team messages through a channel's publisher
export { runCycle, type CycleDeps, type CycleOptions, type CycleReport, type ApplyMode } from "./autopilot/cycle.js";
export { runLoop, type LoopOptions } from "./autopilot/loop.js";
export { autopilotSettings, type AutopilotSettings } from "./autopilot/guard.js";
export { sendTeamMessage, teamChannelProblem, type TeamMessage } from "./publish/notify.js";
// Import from CSV, export to CSV, Hootsuite, iCalendar, JSON
export { importCsv, type ImportOptions, type ImportResult } from "./interop/import.js";
export { exportCalendar, EXPORT_FORMATS, type ExportFormat, type ExportOptions, type ExportResult } from "./interop/export.js";
export { IMPORT_FORMATS, type ImportFormat } from "./interop/formats.js";
export { readCsv, type CsvTable } from "./interop/csv-read.js";
export { appendPosts, type AppendOptions, type AppendResult } from "./writer/append.js";

// Platforms and rewriting
export { rewritePost, type RewriteResult, type RewriteTarget } from "./adapters/rewrite.js";
export { ADAPTERS, adapterFor, allAdapters } from "./adapters/registry.js";
export type { Adapter } from "./adapters/types.js";
export { PLATFORMS, isPlatform, type Platform } from "./platforms.js";

// Durations as the files write them ("6h", "1h30m")
export { parseDuration, formatDuration, type DurationResult } from "./time/duration.js";

// Errors and exit codes
export {
  ExitCode,
  FailoverError,
  InputError,
  UsageError,
  FileError,
  InterruptedError,
  isFailoverError,
  formatDiagnostic,
  type Diagnostic,
  type Severity,
} from "./errors.js";

export { VERSION } from "./version.js";
