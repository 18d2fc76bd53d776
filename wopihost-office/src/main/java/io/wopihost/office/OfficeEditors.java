package io.wopihost.office;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The configured editors (WOPI clients): their discovery, fetched at start-up and refreshed in
 * the background; the action that opens a file, by extension and preference; and the proof-key
 * check of WOPI requests. An editor that is down does not stop the host: it is retried every
 * minute and reported by {@link #status()} and {@link #check}. Thread safe.
 *
 * <p>Proofs. A request does not say which editor sent it, so a signature is accepted when it
 * verifies with the keys of any configured editor. Proofs are enforced (an unsigned request is
 * refused) when every editor requires them, or when the operator set one to {@link
 * ProofPolicy#REQUIRED}: one editor that does not sign would otherwise let any request through.
 * See docs/decisions.md.
 */
public final class OfficeEditors implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(OfficeEditors.class.getName());

  /** How old a proof's timestamp may be (the spec's 20 minutes). */
  public static final Duration PROOF_MAX_AGE = Duration.ofMinutes(20);

  /** How far ahead of this host's clock a timestamp may be; the spec leaves it open. */
  public static final Duration PROOF_MAX_SKEW = Duration.ofMinutes(5);

  private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
  private static final long TICK_SECONDS = 5;
  private static final String UNKNOWN = "unknown";

  private final List<Editor> editors;
  private final DiscoveryFetcher fetcher;
  private final Map<String, String> preferences;
  private final Clock clock;
  private final OfficeListener listener;
  private ScheduledExecutorService scheduler;
  private volatile Optional<Boolean> enforcing = Optional.empty();

  /**
   * @param configs the editors, in the order of preference for extensions {@code preferences}
   *     does not name
   * @param preferences the editor to prefer by extension (lower case, without dot)
   * @param refresh how long a fetched discovery is used before it is fetched again
   * @param hostScheme the scheme of the host's public URL, to pick the discovery's net zone
   * @throws IllegalArgumentException when two editors share a name, or a preference names none
   */
  public OfficeEditors(
      List<EditorConfig> configs,
      Map<String, String> preferences,
      Duration refresh,
      String hostScheme,
      Clock clock,
      OfficeListener listener) {
    Set<String> names = new HashSet<>();
    for (EditorConfig config : configs) {
      if (!names.add(config.name())) {
        throw new IllegalArgumentException("two editors are named " + config.name());
      }
    }
    preferences.forEach(
        (ext, name) -> {
          if (!names.contains(name)) {
            throw new IllegalArgumentException(
                "the preference for " + ext + " names " + name + ", which is not an editor");
          }
        });
    this.fetcher = new DiscoveryFetcher(FETCH_TIMEOUT, hostScheme);
    this.editors =
        configs.stream().map(c -> new Editor(c, fetcher, refresh, clock, listener)).toList();
    this.preferences = new LinkedHashMap<>();
    preferences.forEach((ext, name) -> this.preferences.put(ext.toLowerCase(Locale.ROOT), name));
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Fetches every editor's discovery (side by side, each bounded by a timeout), logs what the
   * proof-key configuration means, and starts the background refresh. An editor that cannot be
   * reached is logged and retried; it does not fail the start.
   */
  public void start() {
    if (editors.isEmpty()) {
      return;
    }
    try (ExecutorService fetches = Executors.newVirtualThreadPerTaskExecutor()) {
      editors.forEach(e -> fetches.submit(e::fetch));
    }
    for (Editor e : editors) {
      warnAboutPolicy(e);
    }
    logEnforcement();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("wopihost-discovery").daemon().unstarted(r));
    scheduler.scheduleWithFixedDelay(this::refreshDue, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
  }

  /** Fetches every discovery whose refresh or retry time has come. The background calls it. */
  public void refreshDue() {
    for (Editor e : editors) {
      e.fetchIfDue();
    }
    logEnforcement();
  }

  public boolean isEmpty() {
    return editors.isEmpty();
  }

  public List<EditorStatus> status() {
    return editors.stream().map(Editor::status).toList();
  }

  /**
   * A readiness check of one editor: fetches its discovery again if the last attempt is more than
   * a minute old, and throws, with a message an operator can act on, when it cannot be fetched
   * or when its required proof keys are missing.
   */
  public void check(String name) throws IOException {
    Editor editor =
        editors.stream()
            .filter(e -> e.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no editor is named " + name));
    editor.fetchUnlessRecent();
    Editor.State state = editor.state();
    if (state.error().isPresent()) {
      throw new IOException(
          "its discovery " + editor.config().discoveryUri() + " cannot be fetched: "
              + state.error().get());
    }
    if (editor.config().proofs() == ProofPolicy.REQUIRED && editor.keys().isEmpty()) {
      throw new IOException(
          "proof keys are required for it (office-proof-keys), but its discovery publishes none");
    }
  }

  /**
   * Whether WOPI requests must carry a valid proof: some editor's policy is {@link
   * ProofPolicy#REQUIRED}, or every editor requires proofs by default (its discovery publishes
   * keys, or is not known yet).
   */
  public boolean enforcesProofs() {
    if (editors.isEmpty()) {
      return false;
    }
    return editors.stream().anyMatch(e -> e.config().proofs() == ProofPolicy.REQUIRED)
        || editors.stream().allMatch(Editor::requiresProofs);
  }

  /**
   * Checks a WOPI request's proof. Accepted when proofs are not enforced, or when the signature
   * verifies with some editor's keys (any of the spec's three combinations) and its timestamp is
   * at most {@link #PROOF_MAX_AGE} old. When no cached key verifies it, the editors' discovery is
   * fetched again (at most once a minute each: keys may have been rotated) before it is refused.
   */
  public ProofVerdict verify(ProofRequest request) {
    if (!enforcesProofs()) {
      return ProofVerdict.accepted("proofs are not enforced", Optional.empty());
    }
    if (!request.isSigned()) {
      return refuse("the request carries no X-WOPI-Proof");
    }
    OptionalLong ticks = request.ticks();
    if (ticks.isEmpty()) {
      return refuse("X-WOPI-TimeStamp is missing or not a number");
    }
    Instant signedAt = DotNetTicks.toInstant(ticks.getAsLong());
    Instant now = clock.instant();
    if (signedAt.isBefore(now.minus(PROOF_MAX_AGE))) {
      return refuse("the proof's timestamp " + signedAt + " is more than 20 minutes old");
    }
    if (signedAt.isAfter(now.plus(PROOF_MAX_SKEW))) {
      return refuse("the proof's timestamp " + signedAt + " is in the future");
    }
    Optional<ProofVerdict> verdict = match(request, ticks.getAsLong());
    if (verdict.isPresent()) {
      return verdict.get();
    }
    boolean changed = false;
    for (Editor e : editors) {
      Optional<Discovery> before = e.state().discovery();
      e.fetchUnlessRecent();
      changed |= e.state().discovery().orElse(null) != before.orElse(null);
    }
    if (changed) {
      verdict = match(request, ticks.getAsLong());
      if (verdict.isPresent()) {
        return verdict.get();
      }
    }
    return refuse("the proof verifies with no editor's keys");
  }

  private Optional<ProofVerdict> match(ProofRequest request, long ticks) {
    for (Editor e : editors) {
      Optional<ProofKeys> keys = e.keys();
      if (keys.isEmpty()) {
        continue;
      }
      switch (ProofVerifier.match(keys.get(), request, ticks)) {
        case CURRENT -> {
          return Optional.of(ProofVerdict.accepted("signed with the current key", name(e)));
        }
        case ROTATED -> {
          e.refreshSoon();
          return Optional.of(ProofVerdict.accepted("signed with a rotated key", name(e)));
        }
        case NONE -> {}
      }
    }
    return Optional.empty();
  }

  private ProofVerdict refuse(String reason) {
    List<Editor> signing = editors.stream().filter(e -> e.keys().isPresent()).toList();
    listener.proofRefused(signing.size() == 1 ? signing.getFirst().name() : UNKNOWN);
    return ProofVerdict.refused(reason);
  }

  private static Optional<String> name(Editor e) {
    return Optional.of(e.name());
  }

  /**
   * The action that opens a file with that extension: the preferred editor's for the extension,
   * else the first configured editor's that offers it. Empty when no editor's discovery (known so
   * far) has it.
   */
  public Optional<EditorAction> choose(String extension, String action) {
    for (Editor e : inPreferenceOrder(extension)) {
      Optional<Discovery> discovery = e.state().discovery();
      Optional<WopiAction> found = discovery.flatMap(d -> d.action(action, extension));
      if (found.isPresent()) {
        return Optional.of(new EditorAction(e.name(), discovery.get().product(), found.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * Every action available for files with that extension, one per action name, each from the
   * editor {@link #choose} would pick: for a user interface's "open with" buttons.
   */
  public List<EditorAction> actions(String extension) {
    Map<String, EditorAction> byName = new LinkedHashMap<>();
    for (Editor e : inPreferenceOrder(extension)) {
      e.state()
          .discovery()
          .ifPresent(
              d ->
                  d.actionsFor(extension)
                      .forEach(
                          a ->
                              byName.putIfAbsent(
                                  a.name(), new EditorAction(e.name(), d.product(), a))));
    }
    return List.copyOf(byName.values());
  }

  private List<Editor> inPreferenceOrder(String extension) {
    String preferred = preferences.get(extension.toLowerCase(Locale.ROOT));
    List<Editor> ordered = new ArrayList<>(editors.size());
    editors.stream().filter(e -> e.name().equals(preferred)).forEach(ordered::add);
    editors.stream().filter(e -> !e.name().equals(preferred)).forEach(ordered::add);
    return ordered;
  }

  private static void warnAboutPolicy(Editor e) {
    boolean keys = e.keys().isPresent();
    switch (e.config().proofs()) {
      case OFF ->
          LOG.log(Level.WARNING, "editor {0}: proof keys are off (office-proof-keys): its WOPI"
              + " requests are not checked to come from it", e.name());
      case REQUIRED -> {
        if (!keys && e.state().discovery().isPresent()) {
          LOG.log(Level.WARNING, "editor {0}: proof keys are required (office-proof-keys), but"
              + " its discovery publishes none: its requests will be refused", e.name());
        }
      }
      case AUTO -> {
        if (!keys && e.state().discovery().isPresent()) {
          LOG.log(Level.WARNING, "editor {0}: its discovery publishes no proof keys, so its"
              + " requests cannot be checked to come from it; configure its proof key", e.name());
        }
      }
    }
  }

  /** Logs, once per change, whether proofs are enforced, and which editors stop it if not. */
  private void logEnforcement() {
    boolean now = enforcesProofs();
    if (enforcing.isPresent() && enforcing.get() == now) {
      return;
    }
    enforcing = Optional.of(now);
    if (now) {
      LOG.log(Level.INFO, "WOPI requests must carry a valid proof-key signature");
    } else {
      List<String> lax = editors.stream().filter(e -> !e.requiresProofs()).map(Editor::name).toList();
      LOG.log(Level.WARNING, "WOPI requests are accepted on their access token alone, without a"
          + " proof-key check: editor(s) {0} sign none or have proof keys off, and a request does"
          + " not say which editor sent it", lax);
    }
  }

  /** Stops the background refresh and the HTTP client. */
  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    fetcher.close();
  }
}
