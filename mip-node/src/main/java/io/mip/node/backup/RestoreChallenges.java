package io.mip.node.backup;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Hashes;
import io.mip.wallet.passport.backup.RestoreChallenge;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Open restore challenges: 256-bit random nonces, each good for one answer within {@link
 * #LIFETIME}. Kept in memory only: a restart drops them (the restoring wallet asks again), which
 * fails closed. At most {@link #PER_DID} open per DID (the oldest is dropped) and {@link #MAX_DIDS}
 * DIDs at once. Nonces are compared in constant time. Thread-safe.
 */
final class RestoreChallenges {
  /** How long a challenge can be answered. */
  static final Duration LIFETIME = Duration.ofSeconds(60);

  /** Most open challenges per DID. */
  static final int PER_DID = 4;

  /** Most DIDs with open challenges. */
  static final int MAX_DIDS = 100_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String audience;
  private final Clock clock;
  private final Map<String, Deque<RestoreChallenge>> open = new HashMap<>();

  RestoreChallenges(String audience, Clock clock) {
    this.audience = Objects.requireNonNull(audience, "audience");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Issues a challenge for the backup of {@code did} at {@code epoch}; empty when full. */
  synchronized Optional<RestoreChallenge> issue(String did, int epoch) {
    Instant now = clock.instant();
    if (!open.containsKey(did) && open.size() >= MAX_DIDS) {
      purge(now);
      if (open.size() >= MAX_DIDS) {
        return Optional.empty();
      }
    }
    byte[] nonce = new byte[32];
    RANDOM.nextBytes(nonce);
    RestoreChallenge c =
        new RestoreChallenge(did, epoch, audience, Base64Url.encode(nonce), now.plus(LIFETIME));
    Deque<RestoreChallenge> q = open.computeIfAbsent(did, k -> new ArrayDeque<>());
    if (q.size() >= PER_DID) {
      q.removeFirst();
    }
    q.addLast(c);
    return Optional.of(c);
  }

  /**
   * Removes and returns the DID's open challenge with {@code nonce} if it has not expired. A nonce
   * is taken once whatever the answer, so one challenge tests at most one guess.
   */
  synchronized Optional<RestoreChallenge> take(String did, String nonce) {
    Deque<RestoreChallenge> q = open.get(did);
    if (q == null) {
      return Optional.empty();
    }
    byte[] given = nonce.getBytes(StandardCharsets.US_ASCII);
    RestoreChallenge found = null;
    for (Iterator<RestoreChallenge> it = q.iterator(); it.hasNext(); ) {
      RestoreChallenge c = it.next();
      if (Hashes.constantTimeEquals(c.nonce().getBytes(StandardCharsets.US_ASCII), given)) {
        found = c;
        it.remove();
      }
    }
    if (q.isEmpty()) {
      open.remove(did);
    }
    if (found == null || clock.instant().isAfter(found.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(found);
  }

  private void purge(Instant now) {
    open.values().forEach(q -> q.removeIf(c -> now.isAfter(c.expiresAt())));
    open.values().removeIf(Deque::isEmpty);
  }
}
