package io.wopihost.office;

import java.util.Optional;

/**
 * The outcome of checking a WOPI request's proof: accepted, or refused with a reason (answered
 * 500, as the spec says).
 *
 * @param accepted whether the request may proceed
 * @param reason why it was refused, or how it was accepted; for logs, never shown to clients
 * @param editor the editor whose keys verified the signature, when one did
 */
public record ProofVerdict(boolean accepted, String reason, Optional<String> editor) {

  static ProofVerdict accepted(String reason, Optional<String> editor) {
    return new ProofVerdict(true, reason, editor);
  }

  static ProofVerdict refused(String reason) {
    return new ProofVerdict(false, reason, Optional.empty());
  }
}
