/**
 * Which proxy health requests go through. As curl and most tools: `https_proxy`/`HTTPS_PROXY`
 * for https URLs, `http_proxy`/`HTTP_PROXY` for http ones (and https when no https proxy is set),
 * `no_proxy`/`NO_PROXY` for hosts reached directly (the lower-case name wins when both are set).
 * The config's `health.proxy` overrides the environment: a URL for every request, or `none` to
 * ignore the environment's proxy. undici's EnvHttpProxyAgent does the routing; the values are
 * passed in explicitly so the environment the CLI was given (or a test's) is the one used.
 */
import type { Dispatcher } from "undici";
import type { Env } from "../util/env.js";

export interface ProxySettings {
  /** A proxy URL for every request, or "none" for a direct connection whatever the environment says. */
  url?: string;
  /** Hosts (comma-separated, as NO_PROXY) reached directly. */
  noProxy?: string;
}

function either(env: Env, name: string): string | undefined {
  return env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
}

/** The proxies in effect, after the config's override: "" means a direct connection. */
export function proxiesFor(env: Env, settings: ProxySettings = {}): { httpProxy: string; httpsProxy: string; noProxy: string } {
  const noProxy = settings.noProxy ?? either(env, "no_proxy") ?? "";
  if (settings.url === "none") return { httpProxy: "", httpsProxy: "", noProxy };
  if (settings.url) return { httpProxy: settings.url, httpsProxy: settings.url, noProxy };
  const httpProxy = either(env, "http_proxy") ?? "";
  return { httpProxy, httpsProxy: either(env, "https_proxy") ?? httpProxy, noProxy };
}

/**
 * undici, imported when a request is about to be made (it is large and most runs need none).
 * It is CommonJS: bundled (scripts/bundle.js), a dynamic import gives its exports as `default`,
 * not as named ones; unbundled (tests, the library), as both.
 */
export async function loadUndici(): Promise<typeof import("undici")> {
  const undici = (await import("undici")) as typeof import("undici") & { default?: typeof import("undici") };
  return typeof undici.request === "function" ? undici : undici.default!;
}

/** The run's dispatcher: direct, or through the proxy the environment or config names. */
export async function createDispatcher(env: Env, settings?: ProxySettings): Promise<Dispatcher> {
  const { EnvHttpProxyAgent } = await loadUndici();
  return new EnvHttpProxyAgent({ ...proxiesFor(env, settings), connections: 64, connect: { timeout: 10_000 }, keepAliveTimeout: 1_000 });
}
