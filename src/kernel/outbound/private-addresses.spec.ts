import { isPrivateAddress, isPrivateHost } from './private-addresses.js';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback, the whole /8'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', '"this network"'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private, first of 172.16/12'],
    ['172.31.255.255', 'private, last of 172.16/12'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.255', 'CGNAT, last'],
    ['169.254.169.254', 'link-local, cloud metadata'],
    ['192.0.0.170', 'IETF protocol assignments'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast, last'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['0:0:0:0:0:0:0:1', 'IPv6 loopback, written out'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local with a zone id'],
    ['febf:ffff::1', 'link-local, last of fe80::/10'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex (as WHATWG URL writes it)'],
    ['::FFFF:A9FE:A9FE', 'IPv4-mapped metadata address, upper case'],
    ['0:0:0:0:0:ffff:10.0.0.1', 'IPv4-mapped private, written out'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::7f00:1', 'IPv4-compatible loopback, hex'],
    ['64:ff9b::10.0.0.1', 'NAT64 of a private address'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback, hex'],
    ['64:ff9b:1::8.8.8.8', 'local-use NAT64'],
    ['2002:7f00:1::', '6to4 of loopback'],
    ['2002:c0a8:101::1', '6to4 of 192.168.1.1'],
    ['localhost', 'not an address: fail closed'],
    ['', 'empty: fail closed'],
    ['1.2.3', 'not a full IPv4 address: fail closed'],
  ])('%s is private (%s)', (ip) => expect(isPrivateAddress(ip)).toBe(true));

  it.each([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['9.255.255.255', 'just below 10/8'],
    ['11.0.0.0', 'just above 10/8'],
    ['172.15.255.255', 'just below 172.16/12'],
    ['172.32.0.1', 'just above 172.16/12'],
    ['100.63.255.255', 'just below CGNAT'],
    ['100.128.0.0', 'just above CGNAT'],
    ['169.253.255.255', 'just below link-local'],
    ['192.169.0.1', 'just above 192.168/16'],
    ['223.255.255.255', 'just below multicast'],
    ['2001:4860:4860::8888', 'public IPv6'],
    ['2001:db8::1', 'documentation, not routed'],
    ['fe00::1', 'below fc00::/7'],
    ['::ffff:8.8.8.8', 'IPv4-mapped public'],
    ['::ffff:808:808', 'IPv4-mapped public, hex'],
    ['64:ff9b::8.8.8.8', 'NAT64 of a public address'],
    ['2002:808:808::1', '6to4 of a public address'],
  ])('%s is not (%s)', (ip) => expect(isPrivateAddress(ip)).toBe(false));
});

describe('isPrivateHost', () => {
  // Hosts as WHATWG URL gives them: what a user writes, and what the parser makes of it.
  it.each([
    ['http://localhost/', 'localhost'],
    ['http://LOCALHOST./', 'localhost.'],
    ['http://api.localhost/', 'api.localhost'],
    ['http://127.0.0.1/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://[::1]/', '[::1]'],
    ['http://[::]/', '[::]'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['http://[fe80::1]/', '[fe80::1]'],
    ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
  ])('%s (hostname %s) is private', (url, hostname) => {
    const host = new URL(url).hostname;
    expect(host).toBe(hostname);
    expect(isPrivateHost(host)).toBe(true);
  });

  it.each(['example.com', 'localhost.example.com', 'mylocalhost', '8.8.8.8', '[2001:db8::1]', '[::ffff:808:808]'])('%s is not', (host) =>
    expect(isPrivateHost(host)).toBe(false),
  );
});
