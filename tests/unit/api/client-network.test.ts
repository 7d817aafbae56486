import { clientNetwork } from '../../../api/public/client-network';

describe('the network a public submission is counted against', () => {
  it.each([
    ['an IPv4 address', '203.0.113.7', '203.0.113.7'],
    ['an IPv4 address seen through an IPv6 socket', '::ffff:203.0.113.7', '203.0.113.7'],
    ['a full IPv6 address', '2001:0db8:0001:0002:0003:0004:0005:0006', '2001:db8:1:2::/64'],
    ['another address of the same /64', '2001:db8:1:2:ffff::1', '2001:db8:1:2::/64'],
    ['a compressed IPv6 address', '2001:db8::1', '2001:db8:0:0::/64'],
    ['the loopback', '::1', '0:0:0:0::/64'],
    ['an address with a zone', 'fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('when the sender has %s, then it counts as %s', (_what, ip, network) => {
    expect(clientNetwork(ip)).toBe(network);
  });

  it('when two senders are in different /64 networks, then they are counted apart', () => {
    expect(clientNetwork('2001:db8:1:2::1')).not.toBe(clientNetwork('2001:db8:1:3::1'));
  });
});
