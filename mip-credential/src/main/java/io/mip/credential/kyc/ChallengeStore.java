package io.mip.credential.kyc;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Single-use nonces with expiry, bounded in number (oldest dropped first). Thread-safe. */
final class ChallengeStore {
  private final int capacity;
  private final LinkedHashMap<String, Instant> pending = new LinkedHashMap<>();

  ChallengeStore(int capacity) {
    this.capacity = capacity;
  }

  synchronized void put(String nonce, Instant expiresAt, Instant now) {
    purge(now);
    if (pending.size() >= capacity) {
      Iterator<String> it = pending.keySet().iterator();
      it.next();
      it.remove();
    }
    pending.put(nonce, expiresAt);
  }

  /** Removes the nonce; true only if it was pending and unexpired. */
  synchronized boolean consume(String nonce, Instant now) {
    Instant exp = pending.remove(nonce);
    return exp != null && now.isBefore(exp);
  }

  private void purge(Instant now) {
    Iterator<Map.Entry<String, Instant>> it = pending.entrySet().iterator();
    while (it.hasNext()) {
      if (!it.next().getValue().isAfter(now)) {
        it.remove();
      }
    }
  }
}
