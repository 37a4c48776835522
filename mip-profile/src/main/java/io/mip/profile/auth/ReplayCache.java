package io.mip.profile.auth;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the {@code (iss, jti)} pairs of accepted requests until they expire, so the same signed
 * request is accepted once. In memory and per node: a request replayed to another node of the
 * consortium is caught there only by its own cache (the token's {@code aud} names one node).
 */
final class ReplayCache {
  private final int capacity;
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();

  ReplayCache(int capacity) {
    this.capacity = capacity;
  }

  enum Admit {
    FIRST,
    REPLAYED,
    FULL
  }

  /** Records the pair; says whether it is new, a replay, or the cache is full. */
  Admit admit(String issuer, String jti, Instant expires, Instant now) {
    if (seen.size() >= capacity) {
      purge(now);
      if (seen.size() >= capacity) {
        return Admit.FULL;
      }
    }
    Instant previous = seen.putIfAbsent(issuer + ' ' + jti, expires);
    return previous == null ? Admit.FIRST : Admit.REPLAYED;
  }

  /** Drops entries whose token has expired. */
  void purge(Instant now) {
    for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
      if (it.next().isBefore(now)) {
        it.remove();
      }
    }
  }

  int size() {
    return seen.size();
  }
}
