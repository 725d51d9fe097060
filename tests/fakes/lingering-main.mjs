// A stand-in for the CLI's bundle, for tests/cli/cli-host.test.ts: `main` finishes but leaves
// what would keep a process of its own alive (a timer, with `timer`), or lets go in time (`brief`).
export async function main(argv) {
  const what = argv[2];
  if (what === "timer") setTimeout(() => undefined, 60_000);
  if (what === "brief") setTimeout(() => undefined, 200);
  process.stdout.write(`ran ${what}\n`);
  return 0;
}
