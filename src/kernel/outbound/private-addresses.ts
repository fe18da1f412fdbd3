import { BlockList, isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Addresses an outbound call made on a user's behalf must not reach: this host, the networks it sits
 * on, and whatever is not a unicast Internet address. Documentation ranges (192.0.2/24, 2001:db8::/32)
 * are left out: they are not routed, so they reach nothing inside either.
 */
const RESERVED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 connects to this host
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT, inside a provider's network
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, with the cloud metadata service at 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments (DS-Lite, NAT64 discovery)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking, used for lab networks
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast 255.255.255.255
] as const) {
  RESERVED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use NAT64: translates into the operator's own IPv4 network
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed inside some networks)
  ['ff00::', 8], // multicast
] as const) {
  RESERVED.addSubnet(network, prefix, 'ipv6');
}

/**
 * Whether a resolved address (what DNS answered, or a literal IP) is one an outbound call must not
 * reach. IPv6 forms that carry an IPv4 address are judged by that address: IPv4-mapped (::ffff:a.b.c.d,
 * also written ::ffff:7f00:1), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4
 * (2002:aabb:ccdd::). Teredo (2001::/32) is not unwrapped: it needs a relay, and its client address is
 * obfuscated. Anything that is not an IP address counts as private: fail closed.
 */
export function isPrivateAddress(ip: string): boolean {
  const address = ip.replace(/%.*$/, ''); // a zone id (fe80::1%eth0) names an interface, not another address
  switch (isIP(address)) {
    case 4:
      return RESERVED.check(address, 'ipv4');
    case 6: {
      if (RESERVED.check(address, 'ipv6')) return true;
      // node:net tells valid from invalid (strictly); ipaddr.js reads the valid one's bytes, dotted tail included.
      const embedded = embeddedIPv4(ipaddr.IPv6.parse(address).toByteArray());
      return embedded !== null && isPrivateAddress(embedded);
    }
    default:
      return true;
  }
}

/**
 * Whether a URL's host names a private target literally: localhost and its subdomains (RFC 6761), or an
 * IP address (bracketed IPv6 too) that isPrivateAddress refuses. Give the hostname as WHATWG URL
 * parses it: the parser has already turned 0x7f000001, 2130706433, 0177.0.0.1 and 127.1 into
 * 127.0.0.1. Other names are not private here; their addresses are checked once resolved.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, ''); // localhost. is localhost
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isIP(host.replace(/%.*$/, '')) !== 0 && isPrivateAddress(host);
}

/** The IPv4 address an IPv6 address carries, where its form says it is one to reach. */
function embeddedIPv4(bytes: number[]): string | null {
  const startsWith = (prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  const zeros = (n: number) => new Array<number>(n).fill(0);
  const ipv4At = (at: number) => bytes.slice(at, at + 4).join('.');
  if (startsWith([...zeros(10), 0xff, 0xff])) return ipv4At(12); // ::ffff:0:0/96, mapped
  if (startsWith(zeros(12))) return ipv4At(12); // ::/96, compatible (:: and ::1 are listed already)
  if (startsWith([0, 0x64, 0xff, 0x9b, ...zeros(8)])) return ipv4At(12); // 64:ff9b::/96, NAT64
  if (startsWith([0x20, 0x02])) return ipv4At(2); // 2002::/16, 6to4
  return null;
}
