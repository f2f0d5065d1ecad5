// The Content-Security-Policy of the dev page: the built deck's policy, opened just enough for Vite's client.

/**
 * Derives the dev policy from the built deck's policy. Vite's client is a
 * module script from the dev server and talks to it over a WebSocket; it
 * polls a restarted server from a blob: SharedWorker. Everything else stays
 * as strict as the built deck, so the preview fails where the file would
 * (a remote image stays blocked).
 */
export function devContentSecurityPolicy(policy: string): string {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  const allow = (name: string, ...sources: string[]) => {
    const current = (directives.get(name) ?? []).filter((source) => source !== "'none'");
    directives.set(name, [...current, ...sources.filter((source) => !current.includes(source))]);
  };
  allow('script-src', "'self'");
  allow('connect-src', "'self'", 'ws:', 'wss:');
  allow('worker-src', 'blob:');
  return [...directives].map(([name, values]) => [name, ...values].join(' ')).join('; ');
}
