/**
 * Other sites this deployment may fetch from: boundary files named in a manifest and base-map tiles. The page's
 * content security policy lets it reach its own origin only; whoever hosts the dashboard widens that at build
 * time with VITE_ALLOWED_ORIGINS (space-separated origins), which vite.config.ts writes into the policy and the
 * app reads here, so the app can say plainly what would be blocked instead of failing with a network error.
 */

/** The origins in a VITE_ALLOWED_ORIGINS value; throws on anything that is not a bare https origin. */
export function parseAllowedOrigins(text: string | undefined): string[] {
  const out: string[] = [];
  for (const item of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      throw new Error(`VITE_ALLOWED_ORIGINS: "${item}" is not an address. Give origins like https://services1.arcgis.com.`);
    }
    const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
      throw new Error(`VITE_ALLOWED_ORIGINS: "${item}" must use https (plain http is allowed for this computer only).`);
    }
    if (url.origin !== item.replace(/\/$/, '')) {
      throw new Error(`VITE_ALLOWED_ORIGINS: "${item}" must be an origin only (scheme, host and port), like ${url.origin}.`);
    }
    if (!out.includes(url.origin)) out.push(url.origin);
  }
  return out;
}

/** The policy in index.html with the allowed origins added where fetches (boundaries) and images (tiles) go. */
export function widenContentSecurityPolicy(policy: string, origins: readonly string[]): string {
  if (origins.length === 0) return policy;
  const extra = ` ${origins.join(' ')}`;
  return policy.replace(/(connect-src [^;"]*)/, `$1${extra}`).replace(/(img-src [^;"]*)/, `$1${extra}`);
}

/** The origins this build allows (empty for the default build). */
export function allowedOrigins(): string[] {
  return parseAllowedOrigins(import.meta.env.VITE_ALLOWED_ORIGINS as string | undefined);
}

/**
 * Null when the page may fetch `url`; otherwise the reason, in words a person can act on. `pageOrigin` is the
 * dashboard's own origin, which is always allowed.
 */
export function blockedReason(url: string, pageOrigin: string, allowed: readonly string[] = allowedOrigins()): string | null {
  let origin: string;
  try {
    origin = new URL(url, pageOrigin).origin;
  } catch {
    return `"${url}" is not a web address.`;
  }
  if (origin === pageOrigin || allowed.includes(origin)) return null;
  const now = allowed.length > 0 ? `its own site and ${allowed.join(', ')}` : 'its own site';
  return `This dashboard was set up to fetch only from ${now}, so the browser would block ${origin}. Whoever hosts the dashboard can allow it by building with VITE_ALLOWED_ORIGINS="${[...allowed, origin].join(' ')}" (see the README, "Boundaries and base maps from other sites").`;
}
