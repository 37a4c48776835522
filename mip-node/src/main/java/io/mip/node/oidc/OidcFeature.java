package io.mip.node.oidc;

import io.javalin.Javalin;
import io.mip.node.NodeContext;
import io.mip.node.NodeFeature;
import io.mip.node.ai.FaceModels;
import io.mip.profile.app.AppRegistry;
import io.mip.profile.auth.CachingPartyKeys;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.auth.ResolverPartyKeys;
import io.mip.sdk.credential.CredentialVerifier;
import io.mip.sdk.credential.InProcessSources;
import io.mip.wallet.passport.PassportService;
import io.mip.wallet.passport.PassportSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OpenID Provider as a node feature: clients are the apps registered on the node's ledger, KYC
 * presentations are verified against the node's ledger (issuer keys, accreditations, status lists),
 * keys and approvals live in {@code <data>/oidc}, and passports are the wallets kept in {@code
 * <data>/wallets} ({@link WalletPassports}; the face models load on the first unlock).
 *
 * <p>The issuer is {@code http://127.0.0.1:<port>} unless the environment variable {@value
 * #PUBLIC_URL_ENV} names the node's public URL (such as {@code https://node.example.org}).
 */
public final class OidcFeature implements NodeFeature {
  /** Environment variable with the node's public base URL. */
  public static final String PUBLIC_URL_ENV = "MIP_PUBLIC_URL";

  /** Builds the passport gate once the node's ledger and resolver are open. */
  @FunctionalInterface
  public interface PassportGateFactory {
    /** Returns the gate over the node's context. */
    PassportGate create(NodeContext context);
  }

  private final PassportGateFactory passports;
  private final FaceModels models;
  private final AtomicReference<Javalin> app = new AtomicReference<>();

  /** The provider over the wallets in {@code <data>/wallets}. */
  public OidcFeature() {
    this.models = FaceModels.defaultPack();
    this.passports =
        context -> {
          Clock clock = Clock.systemUTC();
          PassportService[] service = new PassportService[1];
          return new WalletPassports(
              context.config().dataDir().resolve("wallets"),
              () -> {
                synchronized (service) {
                  if (service[0] == null) {
                    service[0] =
                        new PassportService(
                            models
                                .engine()
                                .orElseThrow(() -> new IllegalStateException(models.failure())),
                            PassportSettings.DEFAULT);
                  }
                  return service[0];
                }
              },
              () -> URI.create("http://127.0.0.1:" + app.get().port()),
              new CachingPartyKeys(
                  new ResolverPartyKeys(context.resolver()), Duration.ofSeconds(2), clock),
              clock);
        };
  }

  /** A provider over the passports {@code passports} makes. */
  public OidcFeature(PassportGateFactory passports) {
    this.passports = passports;
    this.models =
        new FaceModels(
            () -> {
              throw new IllegalStateException("no face models");
            });
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
    OidcConfig config =
        OidcConfig.of(
            context.config().dataDir().resolve("oidc"),
            new AppRegistryClients(apps, context.resolver()),
            passports.create(context),
            Optional.of(kyc),
            keys);
    String publicUrl = System.getenv(PUBLIC_URL_ENV);
    if (publicUrl != null && !publicUrl.isBlank()) {
      config = config.withIssuer(URI.create(publicUrl.trim().replaceAll("/+$", "")));
    }
    OidcProvider provider = OidcProvider.open(config);
    return new Started() {
      @Override
      public void register(Javalin javalin) {
        app.set(javalin);
        provider.register(javalin);
      }

      @Override
      public void close() {
        models.close();
      }
    };
  }
}
