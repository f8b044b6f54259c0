/** The resolver's host, for messages and the UI: "cloudflare-dns.com did not answer". */
export function resolverLabel(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
