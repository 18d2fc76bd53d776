package io.wopihost.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Runs the cases of a hostile corpus one by one and counts what issue 8 reports: cases tried,
 * unexpected 5xx, data changes after refusals, harmless requests accepted.
 *
 * @param <T> what a case attacks
 * @param <S> what must stay as it was: compared with {@code equals} after a refusal
 */
final class HostileTally<T, S> {

  private static final Duration BOUND = Duration.ofSeconds(20);

  /** The state of a target, read with credentials of its own (a case may spoil the target's). */
  interface Snapshot<T, S> {
    S of(T target) throws Exception;
  }

  private final String corpus;
  private final Snapshot<T, S> snapshot;
  private final BiPredicate<S, S> harmless;
  private final List<String> failures = new ArrayList<>();
  private int tried;
  private int serverErrors;
  private int changes;
  private int accepted;

  /**
   * @param harmless whether the state after an accepted {@code mayAccept} case (second argument)
   *     is a harmless change of the state before (first argument)
   */
  HostileTally(String corpus, Snapshot<T, S> snapshot, BiPredicate<S, S> harmless) {
    this.corpus = corpus;
    this.snapshot = snapshot;
    this.harmless = harmless;
  }

  /** Sends the case's request within the time bound and judges its status and its effect. */
  void run(HostileCase<T> c, T target) throws Exception {
    S before = snapshot.of(target);

    int status = assertTimeoutPreemptively(BOUND, () -> c.attack().send(target), c.name());

    tried++;
    if (status >= 500 && !c.allowed().contains(status)) {
      serverErrors++;
    }
    S after = snapshot.of(target);
    if (c.mayAccept() && status == 200) {
      accepted++;
      if (!harmless.test(before, after)) {
        changes++;
        failures.add(c.name() + " accepted as " + after);
      }
      return;
    }
    if (!c.expects(status)) {
      failures.add(c.name() + " -> " + status);
    }
    if (!after.equals(before)) {
      changes++;
      failures.add(c.name() + " changed " + before + " into " + after);
    }
  }

  /** Prints the summary line and fails on any unexpected status or change. */
  void report() {
    System.out.printf(
        "%s: %d cases tried, %d unexpected 5xx, %d data changes after refusals,"
            + " %d harmless requests accepted%n",
        corpus, tried, serverErrors, changes, accepted);
    assertThat(failures).isEmpty();
    assertThat(serverErrors).isZero();
  }
}
