/** What happens to a post whose channel is down: the calendar and the config both name one. */
import { z } from "zod";

export const POLICIES = ["reroute", "delay", "mirror", "skip"] as const;
export const policy = z.enum(POLICIES);
export type Policy = (typeof POLICIES)[number];
