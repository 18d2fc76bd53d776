package io.wopihost.office;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * What the host knows of one editor, for health checks and operators.
 *
 * @param name its configured name
 * @param discovery where its discovery document is fetched from
 * @param up whether the last fetch of its discovery succeeded
 * @param fetchedAt when the discovery in use was fetched; empty before the first success
 * @param error why the last fetch failed; empty when it succeeded
 * @param product which editor the discovery looks like
 * @param actions how many actions the discovery in use offers
 * @param proofKeysPublished whether the discovery in use publishes proof keys
 * @param policy the configured proof-key policy
 */
public record EditorStatus(
    String name,
    URI discovery,
    boolean up,
    Optional<Instant> fetchedAt,
    Optional<String> error,
    Product product,
    int actions,
    boolean proofKeysPublished,
    ProofPolicy policy) {}
