/**
 * The publish journal, `.failover/publish-journal.jsonl` beside the calendar: what `failover
 * publish` is about to send and what came of it, one JSON line per event, each fsynced before the
 * run goes on. An intent is written before every send and its answer after it, so a run killed at
 * any moment leaves enough behind for the next one to tell what went out (see publish.ts):
 *
 *   intent  a send is about to start (post, step)        done    the step's answer (ids only)
 *   clear   the step failed with nothing sent             result  the post's outcome
 *   written the outcome is in the calendar: the post's lines can go at the next compaction
 *
 * Never a secret: ids, URLs, times and the platforms' messages (redacted) only.
 */
import { mkdir, open, stat, type FileHandle } from "node:fs/promises";
import { dirname, join } from "node:path";
import { writeFileAtomic } from "../util/atomic-write.js";
import { readRegularFile } from "../yaml/read-file.js";

export const JOURNAL_FOLDER = ".failover";
export const JOURNAL_FILE = "publish-journal.jsonl";

export type Outcome = "posted" | "failed" | "uncertain";

export type JournalEntry =
  | { t: "intent"; post: string; channel: string; step: string; at: string }
  | { t: "done"; post: string; step: string; value: Record<string, string> }
  | { t: "clear"; post: string; step: string }
  | { t: "result"; post: string; channel: string; outcome: Outcome; at: string; url?: string; remoteId?: string; error?: string }
  | { t: "written"; post: string };

export interface PostRecord {
  channel?: string;
  /** Per step: an open intent (its time), or its recorded answer. */
  steps: Map<string, { intentAt?: string; value?: Record<string, string> }>;
  result?: Extract<JournalEntry, { t: "result" }>;
  written: boolean;
}

export function journalPathFor(calendarFile: string): string {
  return join(dirname(calendarFile), JOURNAL_FOLDER, JOURNAL_FILE);
}

export class Journal {
  readonly posts = new Map<string, PostRecord>();
  private handle: FileHandle | undefined;

  private constructor(readonly file: string) {}

  /** Reads the journal (a torn last line from a killed run is ignored) and opens it to append. */
  static async open(file: string): Promise<Journal> {
    const journal = new Journal(file);
    // A regular file only, capped (a FIFO put there must not hang the run); none yet is an empty journal.
    const text = await readRegularFile(file).then(
      (bytes) => bytes.toString("utf8"),
      (e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? "" : Promise.reject(e)),
    );
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        continue; // the last line of a run killed mid-write
      }
      journal.apply(entry);
    }
    return journal;
  }

  /** Only what is still unfinished is kept: posts already in the calendar are dropped. Under the publish lock. */
  async compact(): Promise<void> {
    const keep: JournalEntry[] = [];
    for (const [post, r] of [...this.posts]) {
      if (r.written) {
        this.posts.delete(post);
        continue;
      }
      for (const [step, s] of r.steps) {
        if (s.intentAt) keep.push({ t: "intent", post, channel: r.channel ?? "", step, at: s.intentAt });
        if (s.value) keep.push({ t: "done", post, step, value: s.value });
      }
      if (r.result) keep.push(r.result);
    }
    await this.close();
    const exists = await stat(this.file).then(() => true, () => false);
    if (!exists && keep.length === 0) return;
    await writeFileAtomic(this.file, keep.map((e) => JSON.stringify(e) + "\n").join(""));
  }

  record(post: string): PostRecord {
    let r = this.posts.get(post);
    if (!r) this.posts.set(post, (r = { steps: new Map(), written: false }));
    return r;
  }

  /**
   * Writes one event and waits until it is on disk. Events written while a sync is under way go
   * out together with the next one (group commit): every promise still waits for its own line's
   * fsync, and posts sent at once do not queue behind each other's syncs.
   */
  append(entry: JournalEntry): Promise<void> {
    this.apply(entry);
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ line: JSON.stringify(entry) + "\n", resolve, reject });
      if (!this.flushing) this.flushing = this.flush();
    });
  }

  private pending: Array<{ line: string; resolve: () => void; reject: (e: unknown) => void }> = [];
  private flushing: Promise<void> | undefined;

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        if (!this.handle) {
          await mkdir(dirname(this.file), { recursive: true });
          this.handle = await open(this.file, "a", 0o600);
        }
        await this.handle.appendFile(batch.map((b) => b.line).join(""), "utf8");
        await this.handle.datasync();
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    this.flushing = undefined;
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.handle?.close();
    this.handle = undefined;
  }

  private apply(entry: JournalEntry): void {
    const r = this.record(entry.post);
    switch (entry.t) {
      case "intent":
        r.channel = entry.channel;
        r.steps.set(entry.step, { ...r.steps.get(entry.step), intentAt: entry.at });
        break;
      case "done":
        r.steps.set(entry.step, { value: entry.value });
        break;
      case "clear":
        r.steps.delete(entry.step);
        break;
      case "result":
        r.channel = entry.channel;
        r.result = entry;
        break;
      case "written":
        r.written = true;
        break;
    }
  }
}
