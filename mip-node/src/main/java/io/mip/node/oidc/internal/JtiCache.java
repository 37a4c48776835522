package io.mip.node.oidc.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers client assertion ids ({@code jti}, RFC 7523 section 3 item 7) until the assertion
 * expires, so each assertion authenticates once. Bounded: when full it refuses new entries (the
 * token endpoint then fails closed) until old ones expire.
 */
final class JtiCache {
  enum Admit {
    FRESH,
    REPLAYED,
    FULL
  }

  private final Map<String, Instant> seen = new ConcurrentHashMap<>();
  private final int capacity;
  private final AtomicLong ops = new AtomicLong();

  JtiCache(int capacity) {
    this.capacity = capacity;
  }

  Admit admit(String clientId, String jti, Instant expiresAt, Instant now) {
    if ((ops.incrementAndGet() & 0x3ff) == 0 || seen.size() >= capacity) {
      seen.values().removeIf(exp -> exp.isBefore(now));
    }
    if (seen.size() >= capacity) {
      return Admit.FULL;
    }
    Instant prior = seen.putIfAbsent(clientId + "\n" + jti, expiresAt);
    return prior == null ? Admit.FRESH : Admit.REPLAYED;
  }
}
