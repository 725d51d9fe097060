/** `failover resume`: removes the kill switch `failover pause` created. */
import type { CliContext } from "../context.js";
import { runResume } from "./pause.js";

export const run = (ctx: CliContext): Promise<number> => runResume(ctx);
