package io.mip.node.oidc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CodeStoreTest {
  private static CodeGrant grant(Instant expires) {
    return new CodeGrant(
        "did:mip:app",
        "https://a/cb",
        "c".repeat(43),
        "n",
        "sub",
        Map.of(),
        Optional.empty(),
        List.of("openid"),
        Instant.now(),
        JWSAlgorithm.ES256,
        expires);
  }

  @Test
  void redeem_concurrently_exactlyOneWinsTheRestSeeReuse() throws Exception {
    CodeStore store = new CodeStore(Clock.systemUTC(), Duration.ofSeconds(60));
    String code = store.issue(grant(Instant.now().plusSeconds(60))).orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger won = new AtomicInteger();
    AtomicInteger reused = new AtomicInteger();
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      all.add(
          pool.submit(
              () -> {
                CodeStore.Redemption r = store.redeem(code);
                if (r.grant().isPresent()) {
                  won.incrementAndGet();
                } else if (r.failure().orElseThrow() == CodeStore.Failure.REUSED) {
                  reused.incrementAndGet();
                }
              }));
    }
    for (Future<?> f : all) {
      f.get();
    }
    pool.shutdown();

    assertThat(won.get()).isEqualTo(1);
    assertThat(reused.get()).isEqualTo(31);
  }

  @Test
  void redeem_unknownOrExpired_refusedWithItsReason() {
    CodeStore store = new CodeStore(Clock.systemUTC(), Duration.ofSeconds(60));
    String old = store.issue(grant(Instant.now().minusSeconds(1))).orElseThrow();

    assertThat(store.redeem("never-issued").failure()).contains(CodeStore.Failure.UNKNOWN);
    assertThat(store.redeem(old).failure()).contains(CodeStore.Failure.EXPIRED);
    assertThat(store.redeem(old).failure()).contains(CodeStore.Failure.REUSED);
  }
}
