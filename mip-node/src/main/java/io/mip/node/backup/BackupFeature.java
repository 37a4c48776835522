package io.mip.node.backup;

import io.javalin.Javalin;
import io.mip.did.mip.DidMipResolver;
import io.mip.node.NodeContext;
import io.mip.node.NodeFeature;
import io.mip.profile.auth.RequestAuthenticator;
import io.mip.profile.auth.ResolverPartyKeys;
import io.mip.wallet.passport.BackoffPolicy;
import java.time.Clock;
import java.util.Objects;

/**
 * Passport backups as a node feature (docs/passport.md, "Backup and restore on a new device"): a
 * person's wallet stores its passport's public part, backup verifier and sealed seed here, and a
 * new device restores it with face and PIN. State lives in {@code <data>/backup/backups.db} ({@link
 * BackupStore}); routes are {@link BackupRoutes}. Signed requests are checked against the DID's
 * current key as resolved now (no cache), so a rotated key stops working at once.
 */
public final class BackupFeature implements NodeFeature {
  private final Clock clock;

  /** The feature on the system clock. */
  public BackupFeature() {
    this(Clock.systemUTC());
  }

  /** The feature on {@code clock} (tests). */
  public BackupFeature(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Started start(NodeContext context) {
    BackupStore store = BackupStore.open(context.config().dataDir().resolve("backup"));
    BackoffPolicy backoff = BackoffPolicy.DEFAULT;
    BackupVault vault =
        new BackupVault(store, new DidMipResolver(context.ledger()), backoff, clock);
    RequestAuthenticator auth =
        new RequestAuthenticator(
            store.audience(), new ResolverPartyKeys(context.resolver()), clock, 100_000);
    BackupRoutes routes = new BackupRoutes(vault, auth, backoff);
    return new Started() {
      @Override
      public void register(Javalin app) {
        routes.register(app);
      }

      @Override
      public void close() {
        store.close();
      }
    };
  }
}
