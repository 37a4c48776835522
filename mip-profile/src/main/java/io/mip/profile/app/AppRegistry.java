package io.mip.profile.app;

import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import io.mip.profile.auth.PartyKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which apps are registered: replays the stream {@code app:<did>} from the ledger, keeping the
 * operations that are well formed, in order (register first, then updates), and signed by the key
 * the app's DID had when the ledger admitted them. The last kept operation is the registration.
 *
 * <p>Answers are remembered for {@link #TTL}, so an update shows after at most that long.
 */
public final class AppRegistry {
  /** How long a found registration is remembered. */
  public static final Duration TTL = Duration.ofSeconds(5);

  private record Cached(AppRegistration app, Instant until) {}

  private final Ledger ledger;
  private final PartyKeys keys;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** Creates a registry over {@code ledger}, checking signers with {@code keys}. */
  public AppRegistry(Ledger ledger, PartyKeys keys, Clock clock) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns the registration of {@code did}, or empty if the app is not registered. */
  public Optional<AppRegistration> find(String did) {
    Instant now = clock.instant();
    Cached c = cache.get(did);
    if (c != null && now.isBefore(c.until())) {
      return Optional.of(c.app());
    }
    Optional<AppRegistration> found = replay(did);
    if (found.isPresent()) {
      if (cache.size() > 100_000) {
        cache.clear();
      }
      cache.put(did, new Cached(found.get(), now.plus(TTL)));
    }
    return found;
  }

  private Optional<AppRegistration> replay(String did) {
    AppRegistration current = null;
    for (LedgerEntry entry : ledger.stream(AppOperations.streamOf(did))) {
      Operation op = entry.operation();
      boolean first = current == null;
      if (first != op.type().equals(AppOperations.REGISTER) || !op.signatureValid()) {
        continue;
      }
      AppRegistration app;
      try {
        app = AppRegistration.fromJson(op.payload());
      } catch (IllegalArgumentException e) {
        continue;
      }
      boolean signedByDid =
          app.did().equals(did)
              && keys.signingKeyAt(did, entry.receipt().time())
                  .map(k -> k.equals(op.signer()))
                  .orElse(false);
      if (signedByDid) {
        current = app;
      }
    }
    return Optional.ofNullable(current);
  }
}
