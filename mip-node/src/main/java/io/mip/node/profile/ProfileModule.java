package io.mip.node.profile;

import io.javalin.Javalin;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.did.DidResolver;
import io.mip.ledger.Ledger;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.embedded.KeyFiles;
import io.mip.profile.ProfilePolicies;
import io.mip.profile.auth.CachingPartyKeys;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.auth.RequestAuthenticator;
import io.mip.profile.auth.ResolverPartyKeys;
import io.mip.profile.service.ProfileServices;
import io.mip.profile.store.ProfileStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The Smart Profile inside a node: its stores, services, anchorer and HTTP routes under {@code
 * /profile} (docs/profile.md). Requests are authenticated by {@link RequestAuthenticator} with DID
 * keys resolved through the node's resolver (cached for {@link #KEY_CACHE}).
 *
 * <p>The node's audience string is {@code mip-node:<anchor key multibase>}: unique per node, so a
 * signed request for one node is refused by every other.
 */
public final class ProfileModule implements AutoCloseable {
  /** How long resolved DID keys are reused. */
  public static final Duration KEY_CACHE = Duration.ofSeconds(2);

  private final ProfileServices services;
  private final RequestAuthenticator auth;

  private ProfileModule(ProfileServices services, RequestAuthenticator auth) {
    this.services = services;
    this.auth = auth;
  }

  /** The ledger policies the profile needs; add them to the node's ledger. */
  public static List<OperationPolicy> policies() {
    return ProfilePolicies.all();
  }

  /**
   * Opens the embedded profile in {@code <dataDir>/profile} (blob files, SQLite, and the anchor key
   * {@code anchor.key}, created on first start) over {@code ledger}.
   */
  public static ProfileModule open(Path dataDir, Ledger ledger, DidResolver resolver) {
    Path dir = dataDir.resolve("profile");
    Ed25519PrivateKey key = anchorKey(dir.resolve("anchor.key"));
    return open(
        ProfileStorage.embedded(dir),
        ledger,
        new ResolverPartyKeys(resolver),
        key,
        Clock.systemUTC(),
        ProfileServices.DEFAULT_BATCH_LEAVES,
        ProfileServices.DEFAULT_BATCH_INTERVAL);
  }

  /** Opens the profile over explicit parts (PostgreSQL storage, tests with a clock). */
  public static ProfileModule open(
      ProfileStorage storage,
      Ledger ledger,
      PartyKeys keys,
      Ed25519PrivateKey anchorKey,
      Clock clock,
      int batchLeaves,
      Duration batchInterval) {
    Objects.requireNonNull(anchorKey, "anchorKey");
    PartyKeys cached = new CachingPartyKeys(keys, KEY_CACHE, clock);
    ProfileServices services =
        ProfileServices.start(
            storage, ledger, cached, anchorKey, batchLeaves, batchInterval, clock);
    String audience = "mip-node:" + anchorKey.publicKey().toMultibase();
    return new ProfileModule(services, new RequestAuthenticator(audience, cached, clock));
  }

  private static Ed25519PrivateKey anchorKey(Path file) {
    try {
      if (Files.exists(file)) {
        return KeyFiles.readKeyFile(file);
      }
      Files.createDirectories(file.getParent());
      Ed25519PrivateKey key = Ed25519PrivateKey.generate();
      KeyFiles.writeKeyFile(file, key);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the anchor key " + file, e);
    }
  }

  /** Adds the profile routes to {@code app}. */
  public void register(Javalin app) {
    ProfileHttp http = new ProfileHttp(auth);
    new RecordRoutes(services.profiles(), http, auth.audience()).register(app);
    new ConsentRoutes(services.consents(), http).register(app);
  }

  /** Returns the services (for in-process use: CLI, benchmarks, tests). */
  public ProfileServices services() {
    return services;
  }

  /** Returns the audience clients put in {@code aud}. */
  public String audience() {
    return auth.audience();
  }

  /** Anchors what is pending and closes the stores (not the ledger). */
  @Override
  public void close() {
    services.close();
  }
}
