/** Types for generate.js, which tests import to build large calendars. */
export function generateCalendar(n: number, start?: number): string;
export const BENCH_CONFIG: string;
export function writeProject(dir: string, n: number): string;
