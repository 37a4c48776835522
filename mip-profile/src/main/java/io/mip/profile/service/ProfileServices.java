package io.mip.profile.service;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Ledger;
import io.mip.profile.anchor.Anchorer;
import io.mip.profile.app.AppRegistry;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.store.ProfileStorage;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The node-side profile object graph, built with constructors: storage, app registry, anchorer
 * (started), and the two services. Closing stops the anchorer (after a last batch) and closes the
 * storage; the ledger belongs to the caller.
 *
 * @param storage the stores
 * @param apps the app registry
 * @param anchorer the anchorer
 * @param profiles deposits, reads, erasure, proofs
 * @param consents grants, revocations, access logs
 */
public record ProfileServices(
    ProfileStorage storage,
    AppRegistry apps,
    Anchorer anchorer,
    ProfileService profiles,
    ConsentService consents)
    implements AutoCloseable {
  /** Default: a batch every 256 leaves or every 2 seconds. */
  public static final int DEFAULT_BATCH_LEAVES = 256;

  /** Default batch interval. */
  public static final Duration DEFAULT_BATCH_INTERVAL = Duration.ofSeconds(2);

  /** Checks nulls. */
  public ProfileServices {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(apps, "apps");
    Objects.requireNonNull(anchorer, "anchorer");
    Objects.requireNonNull(profiles, "profiles");
    Objects.requireNonNull(consents, "consents");
  }

  /**
   * Builds and starts the services.
   *
   * @param storage the stores (owned by the result)
   * @param ledger the ledger (with {@code ProfilePolicies} installed; not owned)
   * @param keys DID key lookup
   * @param nodeKey the node's key, which signs anchor batches
   * @param batchLeaves leaves per batch
   * @param batchInterval longest wait before pending leaves are anchored
   * @param clock the clock grants and logs are judged by
   */
  public static ProfileServices start(
      ProfileStorage storage,
      Ledger ledger,
      PartyKeys keys,
      Ed25519PrivateKey nodeKey,
      int batchLeaves,
      Duration batchInterval,
      Clock clock) {
    AppRegistry apps = new AppRegistry(ledger, keys, clock);
    Anchorer anchorer =
        new Anchorer(storage.index().anchors(), ledger, nodeKey, batchLeaves, batchInterval);
    ProfileService profiles = new ProfileService(storage, keys, apps, anchorer, clock);
    ConsentService consents =
        new ConsentService(storage.index(), ledger, keys, apps, anchorer, clock);
    anchorer.start();
    return new ProfileServices(storage, apps, anchorer, profiles, consents);
  }

  @Override
  public void close() {
    try {
      anchorer.close();
      try {
        anchorer.anchorNow();
      } catch (RuntimeException e) {
        // The ledger may already be closed; pending leaves stay queued for the next start.
      }
    } finally {
      storage.close();
    }
  }
}
