package io.mip.ledger.evm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CheckpointsTest {
  private static String hash(String fork, long n) {
    return "0x" + fork + n;
  }

  /** Checkpoints at blocks 10, 20, ..., 1000 of chain "a". */
  private static Checkpoints onChainA() {
    Checkpoints c = new Checkpoints();
    for (long n = 10; n <= 1000; n += 10) {
      c.add(new Checkpoints.Checkpoint(n, hash("a", n), n / 10));
    }
    return c;
  }

  /** Chain "a" up to {@code forkAfter}, then chain "b", up to {@code head}. */
  private static Map<Long, String> chain(long forkAfter, long head) {
    Map<Long, String> m = new HashMap<>();
    for (long n = 0; n <= head; n++) {
      m.put(n, hash(n <= forkAfter ? "a" : "b", n));
    }
    return m;
  }

  @Test
  void forkPoint_chainReplacedAfterABlock_newestCheckpointStillOnItInFewLookups() throws Exception {
    Checkpoints c = onChainA();
    Map<Long, String> chain = chain(555, 2000);
    AtomicInteger lookups = new AtomicInteger();

    Checkpoints.Checkpoint fork =
        c.forkPoint(
                2000,
                n -> {
                  lookups.incrementAndGet();
                  return chain.get(n);
                })
            .orElseThrow();

    assertThat(fork.number()).isEqualTo(550);
    assertThat(fork.lastSeq()).isEqualTo(55);
    assertThat(lookups.get()).isLessThanOrEqualTo(8);
  }

  @Test
  void forkPoint_chainShorterThanCheckpoints_newestAtOrBelowTheHead() throws Exception {
    Checkpoints c = onChainA();
    Map<Long, String> chain = chain(1000, 333);

    assertThat(c.forkPoint(333, chain::get).orElseThrow().number()).isEqualTo(330);
  }

  @Test
  void forkPoint_noCheckpointOnTheChain_empty() throws Exception {
    Checkpoints c = onChainA();
    Map<Long, String> chain = chain(5, 2000);

    assertThat(c.forkPoint(2000, chain::get)).isEmpty();
  }

  @Test
  void add_beyondMax_dropsTheOldestAndReturnsIt() {
    Checkpoints c = new Checkpoints();
    for (int n = 1; n <= Checkpoints.MAX; n++) {
      assertThat(c.add(new Checkpoints.Checkpoint(n, hash("a", n), n))).isNull();
    }

    Checkpoints.Checkpoint dropped =
        c.add(new Checkpoints.Checkpoint(Checkpoints.MAX + 1, hash("a", Checkpoints.MAX + 1), 0));

    assertThat(dropped.number()).isEqualTo(1);
    c.dropAbove(10);
    assertThat(c.last().number()).isEqualTo(10);
  }
}
