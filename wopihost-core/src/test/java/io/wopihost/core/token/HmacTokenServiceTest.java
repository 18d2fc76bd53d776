package io.wopihost.core.token;

import static java.time.ZoneOffset.UTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class HmacTokenServiceTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef-test-secret".getBytes(StandardCharsets.UTF_8);

  private final HmacTokenService service =
      new HmacTokenService(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

  private static AccessToken grant(String user, String fileId, Set<Permission> rights) {
    return new AccessToken(user, Scope.file(fileId), rights, NOW.plus(Duration.ofHours(10)));
  }

  @Property
  void verify_ofIssuedToken_returnsTheSameGrant(
      @ForAll @StringLength(max = 200) String user,
      @ForAll @StringLength(max = 200) String fileId,
      @ForAll("rights") Set<Permission> rights) {
    AccessToken token = grant(user, fileId, rights);

    assertThat(service.verify(service.issue(token))).contains(token);
  }

  @Property
  void issue_anyGrant_usesOnlyTheBase64UrlAlphabet(
      @ForAll @StringLength(max = 100) String user, @ForAll("rights") Set<Permission> rights) {
    assertThat(service.issue(grant(user, "file", rights))).matches("[A-Za-z0-9_-]+");
  }

  @Property
  void verify_withAnyCharacterChanged_fails(
      @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll("base64url") char other) {
    String token = service.issue(grant("alice", "Xr3a9fileid0000000000a", Set.of(Permission.READ)));
    int at = position % token.length();
    if (token.charAt(at) == other) {
      return;
    }
    String tampered = token.substring(0, at) + other + token.substring(at + 1);

    assertThat(service.verify(tampered)).isEmpty();
  }

  @Property
  void verify_truncatedToken_fails(@ForAll @IntRange(min = 0, max = 200) int length) {
    String token = service.issue(grant("alice", "file", Set.of(Permission.READ)));

    assertThat(service.verify(token.substring(0, Math.min(length, token.length() - 1)))).isEmpty();
  }

  @Property
  void verify_arbitraryText_neverThrows(@ForAll @StringLength(max = 5000) String text) {
    assertThat(service.verify(text)).isEmpty();
  }

  @Test
  void verify_tokenSignedWithAnotherSecret_fails() {
    var other =
        new HmacTokenService(
            "another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));

    String forged = other.issue(grant("alice", "file", EnumSet.allOf(Permission.class)));

    assertThat(service.verify(forged)).isEmpty();
  }

  @Test
  void verify_atAndAfterExpiry_fails() {
    String token = service.issue(grant("alice", "file", Set.of(Permission.READ)));
    var atExpiry =
        new HmacTokenService(SECRET, Clock.fixed(NOW.plus(Duration.ofHours(10)), ZoneOffset.UTC));
    var justBefore =
        new HmacTokenService(
            SECRET, Clock.fixed(NOW.plus(Duration.ofHours(10)).minusMillis(1), ZoneOffset.UTC));

    assertThat(justBefore.verify(token)).isPresent();
    assertThat(atExpiry.verify(token)).isEmpty();
  }

  @Test
  void verify_tokenOfARetiredSecret_isAcceptedUntilItsGraceEnds() {
    byte[] next = "the-next-secret-the-next-secret-the-next".getBytes(StandardCharsets.UTF_8);
    Instant graceEnds = NOW.plus(Duration.ofHours(2));
    String old = service.issue(grant("alice", "file", Set.of(Permission.READ)));
    var retired = List.of(new HmacTokenService.Retired(SECRET, graceEnds));

    var during = new HmacTokenService(next, retired, Clock.fixed(graceEnds.minusMillis(1), UTC));
    var after = new HmacTokenService(next, retired, Clock.fixed(graceEnds, UTC));

    assertThat(during.verify(old)).isPresent();
    assertThat(after.verify(old)).isEmpty();
    String minted = during.issue(grant("alice", "file", Set.of(Permission.READ)));
    assertThat(new HmacTokenService(next, Clock.fixed(NOW, UTC)).verify(minted)).isPresent();
    assertThat(service.verify(minted)).as("new tokens are not signed with the old secret").isEmpty();
  }

  @Test
  void retired_neverPrintsItsSecret() {
    assertThat(new HmacTokenService.Retired(SECRET, NOW).toString())
        .doesNotContain(new String(SECRET, StandardCharsets.UTF_8));
  }

  @Test
  void verify_nullOrEmpty_fails() {
    assertThat(service.verify(null)).isEmpty();
    assertThat(service.verify("")).isEmpty();
  }

  @Test
  void newService_withShortSecret_isRefused() {
    assertThatThrownBy(() -> new HmacTokenService(new byte[31], Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  @Provide
  Arbitrary<Set<Permission>> rights() {
    return Arbitraries.subsetOf(Permission.values());
  }

  @Provide
  Arbitrary<Character> base64url() {
    return Arbitraries.of(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray());
  }
}
