package io.wopihost.core.token;

import java.util.Optional;

/**
 * Issues and verifies access tokens. A token is an opaque string made only of the base64url
 * alphabet ({@code A-Z a-z 0-9 - _}), because editors sign it as it appears in the URL. Verifying
 * fails closed: anything malformed, tampered, signed with an unknown key or expired is empty.
 * Thread safe.
 */
public interface TokenService {

  String issue(AccessToken token);

  /** The token's grant, if it is well-formed, authentic and not expired. */
  Optional<AccessToken> verify(String token);
}
