/**
 * Where a command's documentation is: the project's web page when package.json names one (a
 * GitHub repository's docs/ folder), else the docs/ folder of the package on this disk.
 */
import { readFileSync } from "node:fs";
import { packageFile } from "../package-files.js";

interface PackageLinks {
  homepage?: string;
  repository?: string | { url?: string };
}

function webRoot(): string | undefined {
  // Read when help is shown, not at start-up; through packageFile because the CLI is bundled.
  const pkg = JSON.parse(readFileSync(packageFile("package.json"), "utf8")) as PackageLinks;
  const repo = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  const github = /github\.com[/:]([^/]+\/[^/.#]+)/.exec(repo ?? pkg.homepage ?? "")?.[1];
  return github ? `https://github.com/${github}/blob/main/docs/` : undefined;
}

/** The link to a page of docs/ (`""` for the folder). */
export function docLink(page: string): string {
  const root = webRoot();
  return root ? root + page : packageFile("docs", page);
}
