package io.wopihost.office;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a WOPI request offers for proof-key verification, as it arrived.
 *
 * @param url the full request URL as the editor requested it: the host's public base URL, the
 *     raw path and the raw query string, unchanged (not decoded, same parameter order)
 * @param accessTokens the access token in the forms an editor may have signed: the decoded
 *     {@code access_token} value, and its raw form in the query string when that differs
 *     (Microsoft signs the percent-encoded form, ONLYOFFICE and Collabora the decoded one)
 * @param proof {@code X-WOPI-Proof}
 * @param proofOld {@code X-WOPI-ProofOld}
 * @param timestamp {@code X-WOPI-TimeStamp}
 */
public record ProofRequest(
    String url,
    List<String> accessTokens,
    Optional<String> proof,
    Optional<String> proofOld,
    Optional<String> timestamp) {

  public ProofRequest {
    Objects.requireNonNull(url, "url");
    accessTokens = List.copyOf(accessTokens);
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(proofOld, "proofOld");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** Whether the request carries a signature at all. */
  public boolean isSigned() {
    return proof.filter(p -> !p.isBlank()).isPresent() || proofOld.filter(p -> !p.isBlank()).isPresent();
  }

  /** The timestamp in .NET ticks; empty when it is missing or not a decimal number. */
  public OptionalLong ticks() {
    if (timestamp.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(timestamp.get().trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
