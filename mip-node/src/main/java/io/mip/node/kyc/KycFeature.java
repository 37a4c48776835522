package io.mip.node.kyc;

import io.javalin.Javalin;
import io.mip.credential.CredentialPolicies;
import io.mip.credential.kyc.KycIssuer;
import io.mip.did.DidResolver;
import io.mip.ledger.Ledger;
import io.mip.ledger.OperationPolicy;
import io.mip.node.NodeContext;
import io.mip.node.NodeFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Credentials as a node feature: the registry and status list admission policies, and the routes of
 * {@link KycRoutes}. The node runs a KYC issuer when {@code <data>/kyc/issuer.key} exists (made by
 * {@code mip kyc init}) or {@code MIP_KYC_DIR} names another directory.
 */
public final class KycFeature implements NodeFeature {
  private final AtomicReference<Ledger> ledger = new AtomicReference<>();
  private final AtomicReference<DidResolver> resolver = new AtomicReference<>();

  @Override
  public List<OperationPolicy> policies() {
    return CredentialPolicies.create(ledger::get, resolver::get);
  }

  @Override
  public Started start(NodeContext context) {
    ledger.set(context.ledger());
    resolver.set(context.resolver());
    Supplier<KycIssuer> issuer = issuer(context);
    return new Started() {
      @Override
      public void register(Javalin app) {
        KycRoutes.register(app, context.ledger(), context.resolver(), issuer);
      }
    };
  }

  private static Supplier<KycIssuer> issuer(NodeContext context) {
    Path own = context.config().dataDir().resolve("kyc");
    Path dir =
        KycIssuerSetup.configuredDir()
            .orElse(Files.isRegularFile(own.resolve("issuer.key")) ? own : null);
    return KycIssuerSetup.lazy(dir, context.ledger(), context.resolver());
  }
}
