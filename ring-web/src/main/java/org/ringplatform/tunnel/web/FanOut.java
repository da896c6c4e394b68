package org.ringplatform.tunnel.web;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands one message to many clients in parallel slices, one per core, and returns when every client
 * has it, so the next message starts only after this one: each client still gets messages in order.
 * A slice the executor has not started yet is run by the caller itself, so a busy or exhausted pool
 * makes the fan-out slower, never stuck.
 */
final class FanOut {

  private FanOut() {}

  /**
   * Offers to every target.
   *
   * @param parallelism at most this many slices
   * @param minSlice fewest targets per slice: below it, splitting costs more than it saves
   */
  static <T> void run(
      List<T> targets, Consumer<T> offer, Executor executor, int parallelism, int minSlice) {
    int n = targets.size();
    int slices = Math.max(1, Math.min(parallelism, n / Math.max(1, minSlice)));
    if (slices == 1) {
      targets.forEach(offer);
      return;
    }
    CountDownLatch done = new CountDownLatch(slices);
    Runnable[] work = new Runnable[slices];
    for (int i = 0; i < slices; i++) {
      int from = (int) ((long) i * n / slices);
      int to = (int) ((long) (i + 1) * n / slices);
      AtomicBoolean claimed = new AtomicBoolean();
      work[i] =
          () -> {
            if (!claimed.compareAndSet(false, true)) {
              return;
            }
            try {
              for (int j = from; j < to; j++) {
                offer.accept(targets.get(j));
              }
            } finally {
              done.countDown();
            }
          };
    }
    for (int i = 1; i < slices; i++) {
      try {
        executor.execute(work[i]);
      } catch (RejectedExecutionException e) {
        // Run by the caller below.
      }
    }
    for (Runnable w : work) {
      w.run();
    }
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
