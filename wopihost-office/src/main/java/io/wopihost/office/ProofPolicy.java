package io.wopihost.office;

/** Whether the WOPI requests of an editor must carry a valid proof-key signature. */
public enum ProofPolicy {
  /** Required when the editor's discovery publishes proof keys (the default). */
  AUTO,
  /** Always required; the host refuses unsigned requests even if another editor signs none. */
  REQUIRED,
  /** Never checked; the host logs a warning at start-up. */
  OFF
}
