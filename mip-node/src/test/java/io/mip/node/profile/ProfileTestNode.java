package io.mip.node.profile;

import io.javalin.Javalin;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipPolicy;
import io.mip.did.mip.DidMipResolver;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.node.internal.http.ErrorHandling;
import io.mip.node.internal.ledger.LedgerRoutes;
import io.mip.node.internal.resolver.ResolverRoutes;
import io.mip.profile.auth.ResolverPartyKeys;
import io.mip.profile.store.ProfileStorage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A node serving the resolver, ledger and profile routes on a real port, over a real embedded
 * ledger and embedded profile storage, with the node's central problem rendering.
 */
final class ProfileTestNode implements AutoCloseable {
  record Party(String did, Ed25519PrivateKey signing, X25519PrivateKey agreement) {}

  final EmbeddedLedger ledger;
  final ProfileModule profile;
  final Javalin app;
  final Path dir;

  ProfileTestNode(Path dir, Clock clock) {
    this.dir = dir;
    List<OperationPolicy> policies = new ArrayList<>();
    policies.add(new DidMipPolicy());
    policies.addAll(ProfileModule.policies());
    ledger = EmbeddedLedger.open(dir.resolve("ledger"), policies);
    DidMipResolver resolver = new DidMipResolver(ledger);
    profile =
        ProfileModule.open(
            ProfileStorage.embedded(dir.resolve("profile")),
            ledger,
            new ResolverPartyKeys(resolver),
            Ed25519PrivateKey.generate(),
            clock,
            256,
            Duration.ofHours(1));
    app = Javalin.create(cfg -> cfg.showJavalinBanner = false);
    ErrorHandling.install(app);
    new ResolverRoutes(resolver).register(app);
    new LedgerRoutes(ledger).register(app);
    profile.register(app);
    app.start("127.0.0.1", 0);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + app.port());
  }

  Party party() {
    Ed25519PrivateKey s = Ed25519PrivateKey.generate();
    X25519PrivateKey a = X25519PrivateKey.generate();
    Operation op = DidMipOperations.create(s, a.publicKey(), List.of());
    if (!ledger.submit(op).admitted()) {
      throw new IllegalStateException("DID refused");
    }
    return new Party(DidMipOperations.didOf(op), s, a);
  }

  @Override
  public void close() {
    app.stop();
    profile.close();
    ledger.close();
  }
}
