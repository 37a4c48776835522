package io.mip.node.kyc;

import io.javalin.Javalin;
import io.mip.credential.kyc.KycIssuer;
import io.mip.credential.status.IssuerKeyCheck;
import io.mip.credential.status.StatusListReader;
import io.mip.did.DidResolver;
import io.mip.ledger.Ledger;
import io.mip.sdk.credential.CredentialVerifier;
import io.mip.sdk.credential.InProcessSources;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The node's credential routes (docs/kyc.md): trusted-issuer registry, status lists, presentation
 * verification, and KYC issuance when this node runs an issuer. One call registers them all.
 */
public final class KycRoutes {
  private KycRoutes() {}

  /**
   * Registers every credential route; the KYC issuer comes from {@link KycIssuerSetup} (the {@code
   * MIP_KYC_DIR} environment variable or {@code mip.kyc.dir} system property), loaded on first use.
   */
  public static void register(Javalin app, Ledger ledger, DidResolver resolver) {
    register(app, ledger, resolver, KycIssuerSetup.lazyFromEnvironment(ledger, resolver));
  }

  /** Registers the routes with an explicit issuer supplier (null results: no issuer). */
  public static void register(
      Javalin app, Ledger ledger, DidResolver resolver, Supplier<KycIssuer> issuer) {
    new RegistryRoutes(ledger).register(app);
    new StatusListRoutes(new StatusListReader(ledger, IssuerKeyCheck.using(resolver)))
        .register(app);
    new VerifyRoutes(
            new CredentialVerifier(
                InProcessSources.issuerKeys(resolver),
                InProcessSources.accreditations(ledger),
                InProcessSources.statusLists(ledger, resolver),
                // in-process sources re-read only when the ledger grows, so no extra caching:
                // a revocation is visible to the next verification
                CredentialVerifier.Settings.defaults().withCacheTtl(Duration.ZERO)))
        .register(app);
    new IssueRoutes(issuer).register(app);
  }
}
