package io.wopihost.office;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One configured editor and its cached discovery. Fetches are serialised (a second caller waits
 * for the first and then sees its result); the state is one immutable snapshot, read without a
 * lock. Thread safe.
 */
final class Editor {

  private static final System.Logger LOG = System.getLogger(OfficeEditors.class.getName());

  /** After a failed fetch, the next attempt; also the least time between two attempts on demand. */
  static final Duration RETRY = Duration.ofMinutes(1);

  /**
   * @param discovery the discovery in use: the last one fetched, kept when a later fetch fails
   * @param fetchedAt when it was fetched
   * @param attemptedAt when a fetch was last attempted
   * @param error why the last attempt failed; empty when it succeeded
   * @param due when the next scheduled fetch is due
   */
  record State(
      Optional<Discovery> discovery,
      Optional<Instant> fetchedAt,
      Optional<Instant> attemptedAt,
      Optional<String> error,
      Instant due) {}

  private final EditorConfig config;
  private final DiscoveryFetcher fetcher;
  private final Duration refresh;
  private final Clock clock;
  private final OfficeListener listener;
  private final ReentrantLock fetching = new ReentrantLock();
  private volatile State state;

  Editor(
      EditorConfig config,
      DiscoveryFetcher fetcher,
      Duration refresh,
      Clock clock,
      OfficeListener listener) {
    this.config = config;
    this.fetcher = fetcher;
    this.refresh = refresh;
    this.clock = clock;
    this.listener = listener;
    this.state =
        new State(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("its discovery has not been fetched yet"),
            clock.instant());
  }

  String name() {
    return config.name();
  }

  EditorConfig config() {
    return config;
  }

  State state() {
    return state;
  }

  Optional<ProofKeys> keys() {
    return state.discovery().flatMap(Discovery::proofKeys);
  }

  /**
   * Whether its requests must be signed: by policy, or (by default) when its discovery publishes
   * keys. Before its discovery is known it counts as requiring them, so that nothing is let
   * through unchecked only because an editor was down at start-up.
   */
  boolean requiresProofs() {
    return switch (config.proofs()) {
      case REQUIRED -> true;
      case OFF -> false;
      case AUTO -> state.discovery().map(d -> d.proofKeys().isPresent()).orElse(true);
    };
  }

  void fetch() {
    fetching.lock();
    try {
      fetchLocked();
    } finally {
      fetching.unlock();
    }
  }

  /** Fetches when the scheduled time has come. */
  void fetchIfDue() {
    if (clock.instant().isBefore(state.due())) {
      return;
    }
    fetching.lock();
    try {
      if (!clock.instant().isBefore(state.due())) {
        fetchLocked();
      }
    } finally {
      fetching.unlock();
    }
  }

  /**
   * Fetches now unless a fetch was attempted less than {@link #RETRY} ago: used when a proof
   * verifies with no cached key (the editor may have new keys) and by health checks. Requests
   * with bad proofs thus cost the editor at most one fetch a minute.
   */
  void fetchUnlessRecent() {
    fetching.lock();
    try {
      Optional<Instant> last = state.attemptedAt();
      if (last.isEmpty() || !clock.instant().isBefore(last.get().plus(RETRY))) {
        fetchLocked();
      }
    } finally {
      fetching.unlock();
    }
  }

  /** The keys seem to have been rotated: fetch at the next tick, or a minute after the last. */
  void refreshSoon() {
    if (!fetching.tryLock()) {
      return; // a fetch is under way
    }
    try {
      State s = state;
      Instant soon =
          s.attemptedAt().map(a -> a.plus(RETRY)).filter(clock.instant()::isBefore)
              .orElse(clock.instant());
      if (soon.isBefore(s.due())) {
        state = new State(s.discovery(), s.fetchedAt(), s.attemptedAt(), s.error(), soon);
      }
    } finally {
      fetching.unlock();
    }
  }

  private void fetchLocked() {
    Instant now = clock.instant();
    State before = state;
    try {
      Discovery discovery = fetcher.fetch(config.discoveryUri());
      state =
          new State(
              Optional.of(discovery), Optional.of(now), Optional.of(now), Optional.empty(),
              now.plus(refresh));
      listener.discoveryFetched(name(), true);
      if (before.attemptedAt().isEmpty()) {
        LOG.log(Level.INFO, "editor {0}: discovery from {1}: {2}, {3} actions, {4}", name(),
            config.discoveryUri(), discovery.product(), discovery.actions().size(),
            discovery.proofKeys().isPresent() ? "proof keys published" : "no proof keys");
      } else if (before.error().isPresent()) {
        LOG.log(Level.INFO, "editor {0}: its discovery is reachable again", name());
      }
    } catch (IOException | RuntimeException e) {
      // Whatever went wrong, the editor is unavailable and retried; the background refresh
      // must survive it.
      String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      state =
          new State(
              before.discovery(), before.fetchedAt(), Optional.of(now), Optional.of(error),
              now.plus(RETRY));
      listener.discoveryFetched(name(), false);
      Level level = before.error().isPresent() && before.attemptedAt().isPresent()
          ? Level.DEBUG : Level.WARNING;
      LOG.log(level, "editor {0}: fetching its discovery from {1} failed ({2}); retrying every {3}"
          + (before.discovery().isPresent() ? ", using the discovery fetched earlier" : ""),
          name(), config.discoveryUri(), error, RETRY);
    }
  }

  EditorStatus status() {
    State s = state;
    return new EditorStatus(
        name(),
        config.discoveryUri(),
        s.error().isEmpty(),
        s.fetchedAt(),
        s.error(),
        s.discovery().map(Discovery::product).orElse(Product.OTHER),
        s.discovery().map(d -> d.actions().size()).orElse(0),
        keys().isPresent(),
        config.proofs());
  }
}
