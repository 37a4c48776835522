package io.mip.node.oidc;

import io.javalin.Javalin;
import io.mip.node.NodeContext;
import io.mip.node.NodeFeature;
import io.mip.profile.app.AppRegistry;
import io.mip.profile.auth.CachingPartyKeys;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.auth.ResolverPartyKeys;
import io.mip.sdk.credential.CredentialVerifier;
import io.mip.sdk.credential.InProcessSources;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The OpenID Provider as a node feature: clients are the apps registered on the node's ledger, KYC
 * presentations are verified against the node's ledger (issuer keys, accreditations, status lists),
 * keys and approvals live in {@code <data>/oidc}, and passports are the wallets this node keeps
 * ({@link PassportGate}).
 */
public final class OidcFeature implements NodeFeature {
  private final PassportGateFactory passports;

  /** Builds the passport gate once the node's ledger and resolver are open. */
  @FunctionalInterface
  public interface PassportGateFactory {
    /** Returns the gate over the node's context. */
    PassportGate create(NodeContext context);
  }

  /** A provider over the passports {@code passports} makes. */
  public OidcFeature(PassportGateFactory passports) {
    this.passports = passports;
  }

  @Override
  public Started start(NodeContext context) {
    Clock clock = Clock.systemUTC();
    PartyKeys keys =
        new CachingPartyKeys(
            new ResolverPartyKeys(context.resolver()), Duration.ofSeconds(2), clock);
    AppRegistry apps = new AppRegistry(context.ledger(), keys, clock);
    CredentialVerifier kyc =
        new CredentialVerifier(
            InProcessSources.issuerKeys(context.resolver()),
            InProcessSources.accreditations(context.ledger()),
            InProcessSources.statusLists(context.ledger(), context.resolver()),
            CredentialVerifier.Settings.defaults());
    OidcProvider provider =
        OidcProvider.open(
            OidcConfig.of(
                context.config().dataDir().resolve("oidc"),
                new AppRegistryClients(apps, context.resolver()),
                passports.create(context),
                Optional.of(kyc),
                keys));
    return new Started() {
      @Override
      public void register(Javalin app) {
        provider.register(app);
      }
    };
  }
}
