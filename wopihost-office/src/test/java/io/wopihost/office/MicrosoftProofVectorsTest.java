package io.wopihost.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Microsoft's known-answer vectors for proof keys (ProofKeyTests.cs), with each of the two key
 * encodings discovery publishes. The timestamps are from 2015, so only signatures are checked.
 */
class MicrosoftProofVectorsTest {

  private static final Properties VECTORS = load();

  record Vector(String name, boolean expected, String token, long ticks, String url, String proof,
      String proofOld) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Vector> vectors() {
    return Arrays.stream(VECTORS.getProperty("cases").split(","))
        .map(
            name ->
                new Vector(
                    name,
                    Boolean.parseBoolean(value(name, "expected")),
                    value(name, "access_token"),
                    Long.parseLong(value(name, "timestamp")),
                    value(name, "url"),
                    value(name, "proof"),
                    value(name, "proof_old")));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void match_withModulusAndExponent_verifiesExactlyTheValidCases(Vector v) {
    ProofKeys keys = keys("modulus", "exponent", "oldmodulus", "oldexponent");

    assertThat(ProofVerifier.match(keys, request(v), v.ticks()) != ProofVerifier.Match.NONE)
        .isEqualTo(v.expected());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void match_withCapiBlob_verifiesExactlyTheValidCases(Vector v) {
    ProofKeys keys = keys("value", "oldvalue");

    assertThat(ProofVerifier.match(keys, request(v), v.ticks()) != ProofVerifier.Match.NONE)
        .isEqualTo(v.expected());
  }

  @Test
  void capiBlob_isTheSameKeyAsModulusAndExponent() {
    ProofKeys blob = keys("value", "oldvalue");
    ProofKeys numbers = keys("modulus", "exponent", "oldmodulus", "oldexponent");

    assertThat(blob.current().getEncoded()).isEqualTo(numbers.current().getEncoded());
    assertThat(blob.old().orElseThrow().getEncoded())
        .isEqualTo(numbers.old().orElseThrow().getEncoded());
  }

  @Test
  void parse_microsoftsDiscovery_readsItsKeys() throws IOException {
    Discovery discovery;
    try (InputStream in = getClass().getResourceAsStream("ms-discovery.xml")) {
      discovery = Discovery.parse(in, "https");
    }

    assertThat(discovery.proofKeys().orElseThrow().current().getEncoded())
        .isEqualTo(keys("value", "oldvalue").current().getEncoded());
    assertThat(discovery.product()).isEqualTo(Product.MICROSOFT);
  }

  /** The case as the host sees it: the token exactly as in the URL, which is what MS signed. */
  private static ProofRequest request(Vector v) {
    return new ProofRequest(
        v.url(), List.of(v.token()), Optional.of(v.proof()), Optional.of(v.proofOld()),
        Optional.of(Long.toString(v.ticks())));
  }

  /** The discovery keys with only the named attributes, so each encoding is tested alone. */
  private static ProofKeys keys(String... attributes) {
    Map<String, String> published = new java.util.HashMap<>();
    for (String attribute : attributes) {
      published.put(attribute, value("discovery", attribute));
    }
    return ProofKeys.fromAttributes(name -> Optional.ofNullable(published.get(name)));
  }

  private static String value(String name, String field) {
    String v = VECTORS.getProperty(name + "." + field);
    if (v == null) {
      throw new IllegalStateException("no " + name + "." + field + " in the vectors");
    }
    return v;
  }

  private static Properties load() {
    var properties = new Properties();
    try (InputStream in =
        MicrosoftProofVectorsTest.class.getResourceAsStream("ms-proofkey-vectors.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return properties;
  }
}
