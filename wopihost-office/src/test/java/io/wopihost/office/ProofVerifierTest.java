package io.wopihost.office;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.testkit.FakeEditor;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The three key/proof combinations the spec accepts, and what it does not. */
class ProofVerifierTest {

  private static final KeyPair CURRENT = FakeEditor.newKeyPair();
  private static final KeyPair OLD = FakeEditor.newKeyPair();
  private static final KeyPair STRANGER = FakeEditor.newKeyPair();
  private static final ProofKeys KEYS =
      new ProofKeys(CURRENT.getPublic(), Optional.of(OLD.getPublic()));
  private static final String TOKEN = "AQAAAZ-token_1";
  private static final String URL = "https://files.example.com/wopi/files/abc?access_token=" + TOKEN;
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void match_proofWithCurrentAndOldWithOld_isCurrent() {
    assertThat(match(signed(CURRENT, OLD))).isEqualTo(ProofVerifier.Match.CURRENT);
  }

  @Test
  void match_proofWithCurrentAndOldInvalid_isCurrent() {
    assertThat(match(signed(CURRENT, STRANGER))).isEqualTo(ProofVerifier.Match.CURRENT);
  }

  @Test
  void match_proofInvalidAndOldWithCurrentKey_isRotated() {
    assertThat(match(signed(STRANGER, CURRENT))).isEqualTo(ProofVerifier.Match.ROTATED);
  }

  @Test
  void match_proofWithOldKeyAndOldInvalid_isRotated() {
    assertThat(match(signed(OLD, STRANGER))).isEqualTo(ProofVerifier.Match.ROTATED);
  }

  @Test
  void match_proofInvalidAndOldWithOldKey_isNone() {
    assertThat(match(signed(STRANGER, OLD))).isEqualTo(ProofVerifier.Match.NONE);
  }

  @Test
  void match_bothWithAnotherKey_isNone() {
    assertThat(match(signed(STRANGER, STRANGER))).isEqualTo(ProofVerifier.Match.NONE);
  }

  @Test
  void match_proofWithOldKeyButNoOldKeyPublished_isNone() {
    var currentOnly = new ProofKeys(CURRENT.getPublic(), Optional.empty());

    assertThat(ProofVerifier.match(currentOnly, signed(OLD, STRANGER), FakeEditor.ticks(AT)))
        .isEqualTo(ProofVerifier.Match.NONE);
  }

  @Test
  void match_tamperedProof_isNone() {
    ProofRequest good = signed(CURRENT, STRANGER);
    byte[] proof = Base64.getDecoder().decode(good.proof().orElseThrow());
    proof[proof.length / 2] ^= 1;

    ProofRequest tampered =
        new ProofRequest(URL, List.of(TOKEN), Optional.of(Base64.getEncoder().encodeToString(proof)),
            good.proofOld(), good.timestamp());

    assertThat(match(tampered)).isEqualTo(ProofVerifier.Match.NONE);
  }

  @Test
  void match_otherUrlTokenOrTimestamp_isNone() {
    ProofRequest good = signed(CURRENT, OLD);
    long ticks = FakeEditor.ticks(AT);

    assertThat(ProofVerifier.match(KEYS, withUrl(good, URL + "&x=1"), ticks))
        .isEqualTo(ProofVerifier.Match.NONE);
    assertThat(ProofVerifier.match(KEYS, withTokens(good, List.of(TOKEN + "x")), ticks))
        .isEqualTo(ProofVerifier.Match.NONE);
    assertThat(ProofVerifier.match(KEYS, good, ticks + 1)).isEqualTo(ProofVerifier.Match.NONE);
  }

  @Test
  void match_urlDiffersOnlyInCase_isCurrent() {
    ProofRequest good = signed(CURRENT, OLD);

    assertThat(ProofVerifier.match(KEYS, withUrl(good, URL.toUpperCase(java.util.Locale.ROOT)), FakeEditor.ticks(AT)))
        .isEqualTo(ProofVerifier.Match.CURRENT);
  }

  @Test
  void match_anyOfTheTokenForms_isEnough() {
    ProofRequest good = signed(CURRENT, OLD);

    assertThat(
            ProofVerifier.match(
                KEYS, withTokens(good, List.of("AQAAAZ%2Dtoken%5F1", TOKEN)), FakeEditor.ticks(AT)))
        .isEqualTo(ProofVerifier.Match.CURRENT);
  }

  @Test
  void match_signatureNotBase64OrMissing_isNone() {
    var garbage = new ProofRequest(URL, List.of(TOKEN), Optional.of("not base64 !"),
        Optional.empty(), Optional.of("1"));

    assertThat(match(garbage)).isEqualTo(ProofVerifier.Match.NONE);
  }

  private static ProofVerifier.Match match(ProofRequest request) {
    return ProofVerifier.match(KEYS, request, FakeEditor.ticks(AT));
  }

  private static ProofRequest signed(KeyPair proofKey, KeyPair proofOldKey) {
    Map<String, String> headers =
        FakeEditor.sign(TOKEN, URL, AT, proofKey.getPrivate(), proofOldKey.getPrivate());
    return new ProofRequest(
        URL,
        List.of(TOKEN),
        Optional.of(headers.get("X-WOPI-Proof")),
        Optional.of(headers.get("X-WOPI-ProofOld")),
        Optional.of(headers.get("X-WOPI-TimeStamp")));
  }

  private static ProofRequest withUrl(ProofRequest r, String url) {
    return new ProofRequest(url, r.accessTokens(), r.proof(), r.proofOld(), r.timestamp());
  }

  private static ProofRequest withTokens(ProofRequest r, List<String> tokens) {
    return new ProofRequest(r.url(), tokens, r.proof(), r.proofOld(), r.timestamp());
  }
}
