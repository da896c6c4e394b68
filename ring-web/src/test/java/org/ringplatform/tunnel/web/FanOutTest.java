package org.ringplatform.tunnel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class FanOutTest {

  /** A client that records what it was offered, in order. */
  private static final class Recorder {
    final ConcurrentLinkedQueue<Integer> got = new ConcurrentLinkedQueue<>();
  }

  @Test
  void everyClientGetsEveryMessageOnceAndInOrderAcrossParallelSlices() throws Exception {
    List<Recorder> clients = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      clients.add(new Recorder());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int message = 0; message < 50; message++) {
        int m = message;
        FanOut.run(clients, c -> c.got.add(m), pool, 4, 500);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Integer> expected = new ArrayList<>();
    for (int m = 0; m < 50; m++) {
      expected.add(m);
    }
    for (Recorder c : clients) {
      assertEquals(expected, new ArrayList<>(c.got));
    }
  }

  @Test
  void aPoolThatRefusesWorkLeavesTheWholeFanOutToTheCaller() {
    List<Recorder> clients = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      clients.add(new Recorder());
    }
    FanOut.run(
        clients,
        c -> c.got.add(1),
        task -> {
          throw new RejectedExecutionException("full");
        },
        4,
        500);
    clients.forEach(c -> assertEquals(1, c.got.size()));
  }

  @Test
  void aPoolThatNeverRunsItsTasksDoesNotHoldTheFanOut() {
    List<Recorder> clients = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      clients.add(new Recorder());
    }
    List<Runnable> parked = new ArrayList<>();
    FanOut.run(clients, c -> c.got.add(1), parked::add, 4, 500);
    clients.forEach(c -> assertEquals(1, c.got.size()));
    parked.forEach(Runnable::run);
    clients.forEach(c -> assertEquals(1, c.got.size(), "a late slice runs nothing twice"));
  }
}
