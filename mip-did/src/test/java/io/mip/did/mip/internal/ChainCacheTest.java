package io.mip.did.mip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.ResolutionOptions;
import io.mip.did.Service;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipState;
import io.mip.did.mip.DidState;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import io.mip.ledger.Receipt;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainCacheTest {
  private final Ed25519PrivateKey key = Ed25519PrivateKey.generate();
  private final DidState base =
      new DidState(key.publicKey(), X25519PrivateKey.generate().publicKey(), List.of());
  private final Operation create =
      DidMipOperations.create(key, base.agreementKey(), base.services());
  private final String did = create.stream();
  private final Service a = new Service("#a", "T", "https://a.example");
  private final Service b = new Service("#b", "T", "https://b.example");

  @Test
  void select_streamGrows_extendsCachedChainToSameResultAsFreshReplay() {
    ChainCache cache = new ChainCache(4);
    Operation u1 = DidMipOperations.update(did, create.id(), key, base.withService(a));
    Operation u2 = DidMipOperations.update(did, u1.id(), key, base.withService(b));
    cache.select(did, entries(create, u1), ResolutionOptions.latest());

    DidMipState cached =
        cache
            .select(did, entries(create, u1, u2), ResolutionOptions.latest())
            .selected()
            .orElseThrow();

    assertThat(cached)
        .isEqualTo(
            DidMipState.replay(did, entries(create, u1, u2), ResolutionOptions.latest())
                .orElseThrow());
    assertThat(cached.services()).containsExactly(b);
  }

  @Test
  void select_streamWithDifferentOperationAtSamePosition_rebuilds() {
    ChainCache cache = new ChainCache(4);
    Operation ua = DidMipOperations.update(did, create.id(), key, base.withService(a));
    Operation ub = DidMipOperations.update(did, create.id(), key, base.withService(b));
    cache.select(did, entries(create, ua), ResolutionOptions.latest());

    DidMipState s =
        cache.select(did, entries(create, ub), ResolutionOptions.latest()).selected().orElseThrow();

    assertThat(s.services()).containsExactly(b);
  }

  @Test
  void check_streamShorterThanCached_rebuilds() {
    ChainCache cache = new ChainCache(4);
    Operation u1 = DidMipOperations.update(did, create.id(), key, base.withService(a));
    cache.check(DidMipOperations.update(did, u1.id(), key, base), List.of(create, u1));

    assertThat(cache.check(u1, List.of(create))).isEmpty();
  }

  @Test
  void select_concurrentReadersOfDifferentPrefixes_eachGetTheirOwnLatestVersion() throws Exception {
    ChainCache cache = new ChainCache(4);
    List<Operation> ops = new java.util.ArrayList<>(List.of(create));
    for (int i = 0; i < 12; i++) {
      Service s = new Service("#s" + i, "T", "https://s.example/" + i);
      ops.add(DidMipOperations.update(did, ops.get(ops.size() - 1).id(), key, base.withService(s)));
    }
    List<LedgerEntry> all = entries(ops.toArray(Operation[]::new));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 200; t++) {
        int length = 1 + (t * 7) % all.size();
        results.add(
            pool.submit(
                () ->
                    cache
                        .select(did, all.subList(0, length), ResolutionOptions.latest())
                        .selected()
                        .orElseThrow()
                        .versionId()
                        .equals(ops.get(length - 1).id())));
      }
      for (var r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<LedgerEntry> entries(Operation... ops) {
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    return java.util.stream.IntStream.range(0, ops.length)
        .mapToObj(
            i -> new LedgerEntry(ops[i], new Receipt(ops[i].id(), i + 1, i + 1, t.plusSeconds(i))))
        .toList();
  }
}
