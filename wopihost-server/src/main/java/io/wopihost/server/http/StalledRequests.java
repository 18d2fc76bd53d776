package io.wopihost.server.http;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cuts off requests that stop arriving. Helidon applies no read timeout to a request in progress,
 * so a client that sends a request line and then trickles its headers, or declares a large body
 * and then sends nothing, would hold its connection (and its handler) forever. (Helidon's own
 * socket read timeout and idle check do not reach a request in progress: both were tried.)
 *
 * <ul>
 *   <li>Headers: as the HTTP/1 receive listener, it notes each request line; if the headers are
 *       not all in within the timeout, the connection's socket is closed (a header deadline, like
 *       a proxy's {@code client_header_timeout}).
 *   <li>Bodies: a body read through {@link #watch} that makes no progress for the timeout while
 *       its handler waits in a read gets that handler interrupted, which closes the socket
 *       (virtual threads' blocking socket reads are interruptible) and fails the read: the upload
 *       is refused as unreadable and nothing is stored. Threads outside a read are never
 *       interrupted.
 * </ul>
 *
 * Thread safe.
 */
public final class StalledRequests implements AutoCloseable, Http1ConnectionListener {

  private final long timeoutNanos;
  private final Set<Watched> reading = ConcurrentHashMap.newKeySet();
  private final Map<ConnectionContext, Long> awaitingHeaders = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scanner =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("stalled-bodies").factory());

  /**
   * @param timeout how long a body may send nothing while it is being read
   */
  public StalledRequests(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    long period = checkPeriod(timeout).toMillis();
    scanner.scheduleAtFixedRate(this::scan, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * How often stalls are looked for: a few times per timeout, so that one is cut off at most a
   * quarter of the timeout late (also the period of Helidon's idle-connection check).
   */
  public static Duration checkPeriod(Duration timeout) {
    Duration quarter = timeout.dividedBy(4);
    return quarter.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : quarter;
  }

  /** A body that stopped arriving: the connection is gone, nothing of the upload is kept. */
  public static final class Stalled extends IOException {
    private static final long serialVersionUID = 1L;

    Stalled(IOException cause) {
      super("the request body stopped arriving", cause);
    }
  }

  /** The body, watched: a read that waits longer than the timeout fails with {@link Stalled}. */
  public InputStream watch(InputStream body) {
    return new Watched(body);
  }

  @Override
  public void prologue(ConnectionContext connection, HttpPrologue prologue) {
    awaitingHeaders.put(connection, System.nanoTime());
  }

  @Override
  public void headers(ConnectionContext connection, Headers headers) {
    awaitingHeaders.remove(connection);
  }

  private void scan() {
    long now = System.nanoTime();
    awaitingHeaders.forEach(
        (connection, since) -> {
          if (now - since > timeoutNanos && awaitingHeaders.remove(connection, since)) {
            connection.serverSocket().close();
          }
        });
    for (Watched body : reading) {
      if (now - body.since > timeoutNanos && reading.remove(body)) {
        body.stalled = true;
        body.reader.interrupt();
      }
    }
  }

  @Override
  public void close() {
    scanner.shutdownNow();
  }

  private final class Watched extends FilterInputStream {

    private final Thread reader = Thread.currentThread();
    private volatile long since;
    private volatile boolean stalled;

    Watched(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      since = System.nanoTime();
      reading.add(this);
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        if (stalled) {
          Thread.interrupted();
          throw new Stalled(e);
        }
        throw e;
      } finally {
        reading.remove(this);
      }
    }
  }
}
