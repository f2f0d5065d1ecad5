// The dev page's policy: the built deck's, opened only for Vite's client.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/assets/csp.js';
import { devContentSecurityPolicy } from '../../src/vite/csp.js';

const directives = (policy: string) => new Map(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]));

describe('devContentSecurityPolicy', () => {
  const built = contentSecurityPolicy({ inlineScripts: ['console.log(1)'], extraScriptHashes: ["'sha256-abc'"] });
  const dev = directives(devContentSecurityPolicy(built));

  it("adds the dev server's scripts, its WebSocket and the restart poller, keeping the script hashes", () => {
    expect(dev.get('script-src')).toEqual([...directives(built).get('script-src')!, "'self'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:']);
    expect(dev.get('worker-src')).toEqual(['blob:']);
  });

  it('keeps everything else as strict as the built deck', () => {
    for (const [name, value] of directives(built)) {
      if (name !== 'script-src') expect(dev.get(name), name).toEqual(value);
    }
    expect(dev.get('default-src')).toEqual(["'none'"]);
  });

  it("replaces 'none' rather than adding to it, and adds nothing twice", () => {
    expect(devContentSecurityPolicy("script-src 'none'")).toBe("script-src 'self'; connect-src 'self' ws: wss:; worker-src blob:");
    const twice = devContentSecurityPolicy(devContentSecurityPolicy(built));
    expect(twice).toBe(devContentSecurityPolicy(built));
  });
});
