package io.wopihost.core.token;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens as {@code base64url(claims || HMAC-SHA256(claims))}, unpadded. Not a JWT: a JWT's dots
 * are outside the base64url alphabet that editors sign as it appears in the URL, and a binary
 * claim block keeps the token short and its check to one MAC.
 *
 * <p>Claims layout: format byte {@value #FORMAT}, expiry (epoch ms, 8 bytes), permission bits (1
 * byte), scope kind (1 byte), scope id and user id (each modified UTF-8 with a 2-byte length).
 */
public final class HmacTokenService implements TokenService {

  private static final byte FORMAT = 1;
  private static final int MAC_LENGTH = 32;
  private static final int MAX_TOKEN_CHARS = 4096;
  private static final String ALGORITHM = "HmacSHA256";

  // Keyed once and cloned per use: Mac.getInstance and init (a provider lookup and two hashes of
  // the padded key) cost more than the MAC of a short token itself.
  private final Mac key;
  private final List<RetiredKey> retired;
  private final Clock clock;

  /**
   * A signing secret replaced by a newer one: tokens it signed are still accepted until {@code
   * until}, so that editors open during a rotation keep working; it signs nothing new.
   *
   * @param secret at least 32 bytes, as the current secret
   * @param until the end of the grace period; from then on its tokens are refused
   */
  public record Retired(byte[] secret, Instant until) {

    public Retired {
      secret = secret.clone();
    }

    @Override
    public byte[] secret() {
      return secret.clone();
    }

    @Override
    public String toString() {
      return "Retired[secret=****, until=" + until + "]";
    }
  }

  private record RetiredKey(Mac key, Instant until) {}

  /**
   * @param secret at least 32 bytes of secret randomness shared by every node
   */
  public HmacTokenService(byte[] secret, Clock clock) {
    this(secret, List.of(), clock);
  }

  /**
   * @param secret at least 32 bytes of secret randomness shared by every node; it signs every
   *     token
   * @param retired earlier secrets whose tokens are still accepted for a while
   */
  public HmacTokenService(byte[] secret, List<Retired> retired, Clock clock) {
    this.key = key(secret);
    this.retired =
        retired.stream().map(r -> new RetiredKey(key(r.secret()), r.until())).toList();
    this.clock = clock;
  }

  private static Mac key(byte[] secret) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("the token signing secret must be at least 32 bytes");
    }
    try {
      Mac keyed = Mac.getInstance(ALGORITHM);
      keyed.init(new SecretKeySpec(secret.clone(), ALGORITHM));
      return keyed;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  @Override
  public String issue(AccessToken token) {
    byte[] claims = encodeClaims(token);
    byte[] mac = mac(key, claims);
    byte[] all = Arrays.copyOf(claims, claims.length + mac.length);
    System.arraycopy(mac, 0, all, claims.length, mac.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
  }

  @Override
  public Optional<AccessToken> verify(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    byte[] all;
    try {
      all = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException notBase64Url) {
      return Optional.empty();
    }
    if (all.length <= MAC_LENGTH) {
      return Optional.empty();
    }
    byte[] claims = Arrays.copyOf(all, all.length - MAC_LENGTH);
    byte[] presented = Arrays.copyOfRange(all, claims.length, all.length);
    if (!authentic(claims, presented)) {
      return Optional.empty();
    }
    // Base64 decoding is lenient about the unused bits of the last character; re-encoding
    // makes every token have exactly one accepted spelling.
    if (!Base64.getUrlEncoder().withoutPadding().encodeToString(all).equals(token)) {
      return Optional.empty();
    }
    return decodeClaims(claims).filter(t -> clock.instant().isBefore(t.expiresAt()));
  }

  /** Signed by the current secret, or by a retired one whose grace period has not ended. */
  private boolean authentic(byte[] claims, byte[] presented) {
    if (MessageDigest.isEqual(mac(key, claims), presented)) {
      return true;
    }
    Instant now = clock.instant();
    return retired.stream()
        .filter(r -> now.isBefore(r.until()))
        .anyMatch(r -> MessageDigest.isEqual(mac(r.key(), claims), presented));
  }

  private static byte[] mac(Mac key, byte[] claims) {
    try {
      return ((Mac) key.clone()).doFinal(claims);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
    }
  }

  private static byte[] encodeClaims(AccessToken token) {
    var bytes = new ByteArrayOutputStream(96);
    try (var out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeLong(token.expiresAt().toEpochMilli());
      out.writeByte(permissionBits(token.permissions()));
      out.writeByte(token.scope().kind().ordinal());
      out.writeUTF(token.scope().id());
      out.writeUTF(token.userId());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Optional<AccessToken> decodeClaims(byte[] claims) {
    try (var in = new DataInputStream(new ByteArrayInputStream(claims))) {
      if (in.readByte() != FORMAT) {
        return Optional.empty();
      }
      long expiry = in.readLong();
      Set<Permission> permissions = permissions(in.readUnsignedByte());
      int kind = in.readUnsignedByte();
      Scope.Kind[] kinds = Scope.Kind.values();
      if (kind >= kinds.length) {
        return Optional.empty();
      }
      String scopeId = in.readUTF();
      String userId = in.readUTF();
      if (in.available() != 0) {
        return Optional.empty();
      }
      return Optional.of(
          new AccessToken(
              userId,
              new Scope(kinds[kind], scopeId),
              permissions,
              Instant.ofEpochMilli(expiry)));
    } catch (IOException malformed) {
      return Optional.empty();
    }
  }

  private static int permissionBits(Set<Permission> permissions) {
    int bits = 0;
    for (Permission p : permissions) {
      bits |= 1 << p.ordinal();
    }
    return bits;
  }

  private static Set<Permission> permissions(int bits) {
    var set = EnumSet.noneOf(Permission.class);
    for (Permission p : Permission.values()) {
      if ((bits & (1 << p.ordinal())) != 0) {
        set.add(p);
      }
    }
    return set;
  }
}
