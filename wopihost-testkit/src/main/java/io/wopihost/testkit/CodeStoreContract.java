package io.wopihost.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.spi.CodeStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CodeStore} must show. A backend's test extends this class and
 * creates a fresh, empty store in {@link #newStore}.
 */
public abstract class CodeStoreContract {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant EXPIRY = T0.plus(Duration.ofMinutes(1));

  private CodeStore store;

  /** A new, empty store; called before each test. */
  protected abstract CodeStore newStore() throws Exception;

  @BeforeEach
  void createStore() throws Exception {
    store = newStore();
  }

  @Test
  void redeem_storedCode_returnsItsValueOnce() {
    store.put("code-1", "{\"user\":\"alice\"}", EXPIRY);

    assertThat(store.redeem("code-1", T0)).contains("{\"user\":\"alice\"}");
    assertThat(store.redeem("code-1", T0)).isEmpty();
  }

  @Test
  void redeem_unknownCode_isEmpty() {
    store.put("code-1", "v", EXPIRY);

    assertThat(store.redeem("code-2", T0)).isEmpty();
    assertThat(store.redeem("code-1", T0)).contains("v");
  }

  @Test
  void redeem_atOrAfterExpiry_isEmptyAndTheCodeIsGone() {
    store.put("early", "v", EXPIRY);
    store.put("late", "w", EXPIRY);

    assertThat(store.redeem("early", EXPIRY)).isEmpty();
    assertThat(store.redeem("late", EXPIRY.plusSeconds(1))).isEmpty();
    assertThat(store.redeem("early", T0)).isEmpty();
  }

  @Test
  void redeem_codesDifferingInCase_areDifferentCodes() {
    store.put("AbC", "upper", EXPIRY);
    store.put("abc", "lower", EXPIRY);

    assertThat(store.redeem("abc", T0)).contains("lower");
    assertThat(store.redeem("AbC", T0)).contains("upper");
  }

  @Test
  void redeem_manyThreadsOneCode_exactlyOneGetsIt() throws Exception {
    store.put("contested", "prize", EXPIRY);

    List<Optional<String>> results = Race.run(8, i -> () -> store.redeem("contested", T0));

    assertThat(results.stream().flatMap(Optional::stream).toList()).containsExactly("prize");
  }
}
