package io.mip.profile.auth;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.X25519PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers another {@link PartyKeys}' answers for a short time, so a node does not replay a DID's
 * ledger stream on every request. A rotated or deactivated key stays usable for at most {@code ttl}
 * after the ledger admitted the change; unknown DIDs are not cached. Holds at most {@link
 * #MAX_ENTRIES} DIDs and starts afresh when full.
 */
public final class CachingPartyKeys implements PartyKeys {
  /** Most DIDs remembered at once. */
  public static final int MAX_ENTRIES = 100_000;

  private record Entry(
      Optional<Ed25519PublicKey> signing, Optional<X25519PublicKey> agreement, Instant until) {}

  private final PartyKeys source;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Creates the cache over {@code source}. */
  public CachingPartyKeys(PartyKeys source, Duration ttl, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("ttl must be between 0 and 5 minutes");
    }
  }

  @Override
  public Optional<Ed25519PublicKey> signingKey(String did) {
    return entry(did).signing();
  }

  @Override
  public Optional<X25519PublicKey> agreementKey(String did) {
    return entry(did).agreement();
  }

  private Entry entry(String did) {
    Instant now = clock.instant();
    Entry e = entries.get(did);
    if (e != null && now.isBefore(e.until())) {
      return e;
    }
    Entry fresh = new Entry(source.signingKey(did), source.agreementKey(did), now.plus(ttl));
    if (fresh.signing().isPresent()) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entries.put(did, fresh);
    }
    return fresh;
  }
}
