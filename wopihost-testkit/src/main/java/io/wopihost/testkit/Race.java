package io.wopihost.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs tasks on their own threads, released together so that they really race. */
public final class Race {

  private Race() {}

  /**
   * @param contestants how many threads race
   * @param task the task of contestant {@code i}
   * @return the results, in contestant order
   */
  public static <T> List<T> run(int contestants, IntFunction<Callable<T>> task) throws Exception {
    CountDownLatch ready = new CountDownLatch(contestants);
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(contestants)) {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < contestants; i++) {
        Callable<T> callable = task.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return callable.call();
                }));
      }
      ready.await();
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    }
  }
}
