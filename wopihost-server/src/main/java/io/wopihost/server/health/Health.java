package io.wopihost.server.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A node's health: it is live while it runs, and ready when every registered check passes and it
 * is not shutting down. Checks run side by side, each on a virtual thread, and get {@code timeout}
 * together; a check that has not answered by then counts as down, and the next readiness call
 * waits for the same run instead of starting another, so a hanging dependency never piles up
 * threads. Thread safe.
 */
public final class Health {

  /**
   * One dependency's check: returns when the dependency works, throws when it does not, with a
   * message an operator can act on.
   */
  @FunctionalInterface
  public interface Check {
    void run() throws Exception;
  }

  /**
   * @param up whether the check passed
   * @param error why it did not; empty when it did
   * @param millis how long it took
   */
  public record Result(boolean up, String error, long millis) {}

  /**
   * @param up the overall answer: 200 when up, 503 when not
   * @param checks each check's result, in registration order
   */
  public record Report(boolean up, Map<String, Result> checks) {}

  private final Duration timeout;
  private final Map<String, Check> checks = new ConcurrentHashMap<>();
  private final Map<String, Integer> order = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Result>> running = new ConcurrentHashMap<>();
  private volatile boolean draining;

  /**
   * @param timeout how long a readiness call waits for its checks
   */
  public Health(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Adds a readiness check (the database, the blob store, an editor's discovery). A check
   * registered under a name that exists replaces it.
   */
  public void register(String name, Check check) {
    order.putIfAbsent(name, order.size());
    checks.put(name, check);
  }

  /** From now on the node is not ready: it is shutting down and takes no new work. */
  public void startDraining() {
    draining = true;
  }

  public boolean isDraining() {
    return draining;
  }

  /** Live: the process runs and answers. */
  public Report live() {
    return new Report(true, Map.of());
  }

  /** Ready: every check passes and the node is not shutting down. */
  public Report ready() {
    Map<String, CompletableFuture<Result>> started = new LinkedHashMap<>();
    checks.keySet().stream()
        .sorted((a, b) -> Integer.compare(order.get(a), order.get(b)))
        .forEach(name -> started.put(name, start(name)));
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Result> results = new LinkedHashMap<>();
    started.forEach((name, future) -> results.put(name, await(future, deadline)));
    if (draining) {
      results.put("shutdown", new Result(false, "the node is shutting down", 0));
    }
    boolean up = results.values().stream().allMatch(Result::up);
    return new Report(up, results);
  }

  private CompletableFuture<Result> start(String name) {
    return running.compute(
        name, (n, previous) -> previous != null && !previous.isDone() ? previous : run(checks.get(n)));
  }

  private static CompletableFuture<Result> run(Check check) {
    var result = new CompletableFuture<Result>();
    Thread.ofVirtual()
        .name("wopihost-health")
        .start(
            () -> {
              long start = System.nanoTime();
              try {
                check.run();
                result.complete(new Result(true, "", elapsedMillis(start)));
              } catch (Exception e) {
                result.complete(new Result(false, describe(e), elapsedMillis(start)));
              }
            });
    return result;
  }

  private Result await(CompletableFuture<Result> future, long deadline) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return new Result(false, "no answer within " + timeout.toMillis() + " ms", timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "interrupted", 0);
    } catch (ExecutionException e) {
      return new Result(false, describe(e.getCause()), 0);
    }
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
