package io.wopihost.server.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A network in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), or one address. Only
 * literal addresses are accepted: a host name would need a DNS lookup at start-up and could
 * change under the configuration. Immutable.
 */
public final class IpRange {

  private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final String text;
  private final byte[] network;
  private final int prefix;

  private IpRange(String text, byte[] network, int prefix) {
    this.text = text;
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * @throws IllegalArgumentException when {@code cidr} is not an IP literal with an optional
   *     prefix length that fits it
   */
  public static IpRange parse(String cidr) {
    int slash = cidr.indexOf('/');
    String address = slash < 0 ? cidr : cidr.substring(0, slash);
    if (!LITERAL.matcher(address).matches()) {
      throw new IllegalArgumentException("not an IP address: " + address);
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + address, e);
    }
    int bits = bytes.length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a prefix length: " + cidr.substring(slash + 1), e);
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("the prefix length of " + cidr + " is not 0 to " + bits);
    }
    return new IpRange(cidr, bytes, prefix);
  }

  /**
   * Whether the address is in the network. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is
   * taken as the IPv4 address; otherwise an IPv4 address is never in an IPv6 network.
   */
  public boolean contains(InetAddress address) {
    byte[] bytes = unmapped(address.getAddress());
    if (bytes.length != network.length) {
      return false;
    }
    int shift = bytes.length * 8 - prefix;
    return new BigInteger(1, bytes).shiftRight(shift)
        .equals(new BigInteger(1, network).shiftRight(shift));
  }

  private static byte[] unmapped(byte[] bytes) {
    if (bytes.length != 16) {
      return bytes;
    }
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return bytes;
      }
    }
    if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
      return bytes;
    }
    return Arrays.copyOfRange(bytes, 12, 16);
  }

  @Override
  public String toString() {
    return text;
  }
}
