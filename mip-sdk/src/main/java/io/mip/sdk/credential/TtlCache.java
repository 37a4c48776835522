package io.mip.sdk.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A small bounded cache of present values with a time to live. Thread-safe. */
final class TtlCache<K, V> {
  private record Entry<V>(V value, Instant expires) {}

  private final ConcurrentHashMap<K, Entry<V>> map = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;
  private final int max;

  TtlCache(Duration ttl, Clock clock, int max) {
    this.ttl = ttl;
    this.clock = clock;
    this.max = max;
  }

  Optional<V> get(K key, Function<K, Optional<V>> loader) {
    Instant now = clock.instant();
    Entry<V> e = map.get(key);
    if (e != null && now.isBefore(e.expires())) {
      return Optional.of(e.value());
    }
    Optional<V> v = loader.apply(key);
    if (v.isPresent() && !ttl.isZero()) {
      if (map.size() >= max) {
        map.clear();
      }
      map.put(key, new Entry<>(v.get(), now.plus(ttl)));
    }
    return v;
  }
}
