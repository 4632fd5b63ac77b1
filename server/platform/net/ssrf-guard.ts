// The SSRF guard of every outbound call a user aims (workflow http steps, AI provider base URLs): without it a
// caller could read the instance's own services (databases, the cloud metadata endpoint 169.254.169.254, admin
// ports on loopback). Only public unicast addresses are allowed unless the instance opts in
// (ALLOW_PRIVATE_HTTP_TARGETS, ALLOW_PRIVATE_AI_PROVIDERS, for self-hosters calling their own network).
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface TTargetPolicy {
  /** Every address allowed (the instance's ALLOW_PRIVATE_HTTP_TARGETS / ALLOW_PRIVATE_AI_PROVIDERS). */
  allowPrivateNetworks: boolean;
  /** Single non-public addresses allowed anyway (an operator's internal service, tests' local servers). */
  allowedAddresses?: readonly string[];
}

/** A call the guard refused (a non-public address, an unresolvable host, a non-http URL): never worth a retry. */
export class TargetRefusedError extends Error {
  override name = 'TargetRefusedError';
}

export interface TResolvedTarget {
  address: string;
  family: 4 | 6;
}

/** Why an address may not be called (its ipaddr.js range, e.g. 'loopback'), or null when it is public. */
export function forbiddenRange(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return 'invalid';
  }
  // ::ffff:127.0.0.1 reaches 127.0.0.1: judge the IPv4 address it carries.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  // Everything but plain unicast is refused: besides private/loopback/link-local/multicast/CGNAT this covers
  // 6to4, Teredo and NAT64 prefixes, which can embed a private IPv4 address.
  return range === 'unicast' ? null : range;
}

/**
 * Resolves the URL's host once (every address it has) and answers the address to connect to, or why not. The
 * caller must connect to exactly this address, so a DNS answer that changes in between cannot slip through.
 */
export async function resolveTarget(
  hostname: string,
  policy: TTargetPolicy,
): Promise<
  { ok: true; target: TResolvedTarget } | { ok: false; reason: 'unresolvable' | 'forbidden'; error: string }
> {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (err) {
      return {
        ok: false,
        reason: 'unresolvable',
        error: `cannot resolve ${host}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
      };
    }
  }
  const first = addresses[0];
  if (!first) return { ok: false, reason: 'unresolvable', error: `cannot resolve ${host}: no address` };
  if (!policy.allowPrivateNetworks) {
    // All of them: a host answering one public and one private address must not be half-trusted.
    for (const a of addresses) {
      if (policy.allowedAddresses?.includes(a.address)) continue;
      const range = forbiddenRange(a.address);
      if (range)
        return {
          ok: false,
          reason: 'forbidden',
          error: `refused: ${host} resolves to ${a.address} (${range} address)`,
        };
    }
  }
  return { ok: true, target: { address: first.address, family: first.family === 6 ? 6 : 4 } };
}

/** A `lookup` for http.request that always answers the already checked address (no second DNS query). */
export function pinnedLookup(target: TResolvedTarget) {
  return (
    _hostname: string,
    options: { all?: boolean } | number | undefined,
    callback: (...args: unknown[]) => void,
  ) => {
    const all = typeof options === 'object' && options?.all;
    if (all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}
