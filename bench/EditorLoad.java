import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator for the WOPI host's editor-shaped traffic, over loopback with the JDK's HTTP
 * client and one virtual thread per simulated client. Two modes:
 *
 * <ul>
 *   <li>{@code editors BASE TOKENS SESSIONS SECONDS SAVE_BYTES SAVE_EVERY_S REFRESH_EVERY_S}: each
 *       session opens its own file as an editor does (CheckFileInfo, Lock, GetFile), then saves
 *       (PutFile of SAVE_BYTES) every SAVE_EVERY_S seconds and refreshes its lock every
 *       REFRESH_EVERY_S seconds, and closes with Unlock. Sessions open spread evenly over the first
 *       quarter of the run and each lasts three quarters of it, so all are open together in the
 *       middle half.
 *   <li>{@code locks BASE TOKENS WORKERS SECONDS}: each worker takes its share of the files and
 *       runs Lock then Unlock on them, round after round, as fast as the host answers.
 * </ul>
 *
 * <p>TOKENS is a file of {@code FILE_ID ACCESS_TOKEN} lines, one per file; BASE is the host's base
 * URL. Pacing is open-loop-ish: every request of a session has a scheduled start independent of
 * how fast earlier answers came, and its latency is counted from that scheduled start, so a host
 * that falls behind shows it in the percentiles instead of hiding it (a session never has two
 * requests in flight, as an editor would not). Any answer other than 200, and any I/O failure,
 * is an error. Prints a table and {@code RESULT} lines for bench/run to parse; exits 0 whatever
 * the error count.
 */
final class EditorLoad {

  enum Op {
    CHECK_FILE_INFO,
    LOCK,
    GET_FILE,
    REFRESH_LOCK,
    PUT_FILE,
    UNLOCK
  }

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final int ERRORS_SHOWN = 5;

  private final HttpClient http;
  private final URI base;
  private final Map<Op, Recorder> recorders = new EnumMap<>(Op.class);
  private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

  private EditorLoad(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    for (Op op : Op.values()) {
      recorders.put(op, new Recorder());
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: EditorLoad editors BASE TOKENS SESSIONS SECONDS SAVE_BYTES SAVE_EVERY_S"
              + " REFRESH_EVERY_S\n       EditorLoad locks BASE TOKENS WORKERS SECONDS");
      System.exit(2);
    }
    var load = new EditorLoad(URI.create(args[1]));
    List<String[]> files = readTokens(Path.of(args[2]));
    long started = System.nanoTime();
    switch (args[0]) {
      case "editors" ->
          load.editors(
              files,
              Integer.parseInt(args[3]),
              Duration.ofSeconds(Long.parseLong(args[4])),
              Integer.parseInt(args[5]),
              Duration.ofMillis((long) (Double.parseDouble(args[6]) * 1000)),
              Duration.ofMillis((long) (Double.parseDouble(args[7]) * 1000)));
      case "locks" ->
          load.locks(
              files, Integer.parseInt(args[3]), Duration.ofSeconds(Long.parseLong(args[4])));
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
    load.report(System.out, (System.nanoTime() - started) / 1e9);
  }

  private static List<String[]> readTokens(Path file) throws IOException {
    List<String[]> files = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        files.add(line.trim().split("\\s+"));
      }
    }
    return files;
  }

  private void editors(
      List<String[]> files,
      int sessions,
      Duration length,
      int saveBytes,
      Duration saveEvery,
      Duration refreshEvery)
      throws InterruptedException {
    if (files.size() < sessions) {
      throw new IllegalArgumentException(sessions + " sessions need as many files");
    }
    byte[] document = new byte[saveBytes];
    ThreadLocalRandom.current().nextBytes(document);
    long start = System.nanoTime() + Duration.ofMillis(200).toNanos();
    long ramp = length.toNanos() / 4;
    // Every session lasts three quarters of the run; they open, and so close, spread evenly.
    long lasts = length.toNanos() - ramp;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < sessions; i++) {
        String[] file = files.get(i);
        long opensAt = start + ramp * i / sessions;
        threads.submit(
            () ->
                session(
                    file[0], file[1], opensAt, opensAt + lasts, document, saveEvery, refreshEvery));
      }
    }
  }

  private void session(
      String fileId,
      String token,
      long opensAt,
      long end,
      byte[] document,
      Duration saveEvery,
      Duration refreshEvery) {
    String lockId = "editor-" + fileId + "-" + Long.toHexString(opensAt);
    sleepUntil(opensAt);
    send(Op.CHECK_FILE_INFO, opensAt, get(fileUri(fileId, "", token)));
    send(Op.LOCK, opensAt, override(fileUri(fileId, "", token), "LOCK", lockId));
    send(Op.GET_FILE, opensAt, get(fileUri(fileId, "/contents", token)));
    // A random phase, so that the sessions' saves do not all fall on the same instants.
    long nextSave = opensAt + ThreadLocalRandom.current().nextLong(saveEvery.toNanos());
    long nextRefresh = opensAt + refreshEvery.toNanos();
    while (true) {
      long due = Math.min(nextSave, nextRefresh);
      if (due >= end) {
        break;
      }
      sleepUntil(due);
      if (nextSave <= nextRefresh) {
        send(Op.PUT_FILE, due, putFile(fileUri(fileId, "/contents", token), lockId, document));
        nextSave += saveEvery.toNanos();
      } else {
        send(Op.REFRESH_LOCK, due, override(fileUri(fileId, "", token), "REFRESH_LOCK", lockId));
        nextRefresh += refreshEvery.toNanos();
      }
    }
    sleepUntil(end);
    send(Op.UNLOCK, end, override(fileUri(fileId, "", token), "UNLOCK", lockId));
  }

  private void locks(List<String[]> files, int workers, Duration length)
      throws InterruptedException {
    if (files.size() < workers) {
      throw new IllegalArgumentException(workers + " workers need as many files");
    }
    long end = System.nanoTime() + length.toNanos();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = 0; w < workers; w++) {
        // Each worker has its own files (w, w + workers, ...), so no two ever contend for a lock.
        List<String[]> own = new ArrayList<>();
        for (int i = w; i < files.size(); i += workers) {
          own.add(files.get(i));
        }
        String lockId = "bench-" + w;
        threads.submit(
            () -> {
              for (int i = 0; System.nanoTime() < end; i = (i + 1) % own.size()) {
                URI uri = fileUri(own.get(i)[0], "", own.get(i)[1]);
                send(Op.LOCK, System.nanoTime(), override(uri, "LOCK", lockId));
                send(Op.UNLOCK, System.nanoTime(), override(uri, "UNLOCK", lockId));
              }
            });
      }
    }
  }

  private URI fileUri(String fileId, String suffix, String token) {
    return base.resolve("/wopi/files/" + fileId + suffix + "?access_token=" + token);
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
  }

  private static HttpRequest override(URI uri, String operation, String lockId) {
    return HttpRequest.newBuilder(uri)
        .timeout(REQUEST_TIMEOUT)
        .header("X-WOPI-Override", operation)
        .header("X-WOPI-Lock", lockId)
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }

  private static HttpRequest putFile(URI uri, String lockId, byte[] document) {
    return HttpRequest.newBuilder(uri)
        .timeout(REQUEST_TIMEOUT)
        .header("X-WOPI-Override", "PUT")
        .header("X-WOPI-Lock", lockId)
        .header("X-WOPI-Editors", "bench")
        .header("X-LOOL-WOPI-IsAutosave", "true")
        .POST(HttpRequest.BodyPublishers.ofByteArray(document))
        .build();
  }

  /** Sends one request and records its latency from {@code scheduledAt}. */
  private void send(Op op, long scheduledAt, HttpRequest request) {
    Recorder recorder = recorders.get(op);
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      long latency = System.nanoTime() - scheduledAt;
      if (response.statusCode() == 200) {
        recorder.ok(latency);
      } else {
        recorder.error(latency);
        sampleError(op + " answered " + response.statusCode() + " "
            + response.headers().firstValue("X-WOPI-LockFailureReason").orElse(""));
      }
    } catch (IOException e) {
      recorder.error(System.nanoTime() - scheduledAt);
      sampleError(op + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sampleError(String message) {
    if (errorSamples.size() < ERRORS_SHOWN) {
      errorSamples.add(message);
    }
  }

  private static void sleepUntil(long nanoTime) {
    for (long left; (left = nanoTime - System.nanoTime()) > 0; ) {
      LockSupport.parkNanos(left);
    }
  }

  private void report(PrintStream out, double seconds) {
    var all = new Recorder();
    out.printf("%-16s %9s %7s %9s %9s %9s%n", "operation", "requests", "errors", "p50 ms",
        "p99 ms", "max ms");
    for (Op op : Op.values()) {
      Recorder r = recorders.get(op);
      all.addAll(r);
      if (r.count() > 0) {
        line(out, op.name(), r, seconds);
      }
    }
    line(out, "ALL", all, seconds);
    errorSamples.forEach(e -> out.println("error sample: " + e));
  }

  private static void line(PrintStream out, String name, Recorder r, double seconds) {
    long[] sorted = r.sorted();
    out.printf("%-16s %9d %7d %9.1f %9.1f %9.1f%n", name, r.count(), r.errors.get(),
        ms(percentile(sorted, 50)), ms(percentile(sorted, 99)),
        ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
    out.printf("RESULT op=%s requests=%d errors=%d seconds=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f"
            + " max_ms=%.2f%n", name, r.count(), r.errors.get(), seconds, r.count() / seconds,
        ms(percentile(sorted, 50)), ms(percentile(sorted, 99)),
        ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  /** Latencies of one operation, successes and errors alike. */
  private static final class Recorder {
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicLong errors = new AtomicLong();

    void ok(long nanos) {
      latencies.add(nanos);
    }

    void error(long nanos) {
      errors.incrementAndGet();
      latencies.add(nanos);
    }

    void addAll(Recorder other) {
      latencies.addAll(other.latencies);
      errors.addAndGet(other.errors.get());
    }

    int count() {
      return latencies.size();
    }

    long[] sorted() {
      long[] values = latencies.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(values);
      return values;
    }
  }
}
