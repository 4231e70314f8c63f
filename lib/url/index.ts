// TEMPORARY stand-in until the url-module branch is merged (same API).
export interface HttpUrl { href: string; protocol: 'http:' | 'https:'; host: string; port: string; origin: string; pathname: string; search: string; hash: string }
export function parseHttpUrl(url: string | null | undefined): HttpUrl | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return { href: u.href, protocol: u.protocol, host: u.hostname.toLowerCase().replace(/\.$/, ''), port: u.port, origin: u.origin, pathname: u.pathname, search: u.search, hash: u.hash };
  } catch {
    return null;
  }
}
export const hostOf = (url: string | null | undefined) => parseHttpUrl(url)?.host ?? null;
export const originOf = (url: string | null | undefined) => parseHttpUrl(url)?.origin ?? null;
