package io.mip.node.oidc;

import io.javalin.Javalin;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.credential.testing.TestKycIssuer;
import io.mip.credential.testing.Testbed;
import io.mip.ledger.testing.MutableClock;
import io.mip.node.TestApps;
import io.mip.node.internal.http.ErrorHandling;
import io.mip.profile.ProfilePolicies;
import io.mip.profile.app.AppRegistry;
import io.mip.profile.auth.ResolverPartyKeys;
import io.mip.sdk.credential.CredentialVerifier;
import io.mip.sdk.credential.InProcessSources;
import io.mip.sdk.login.MipClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real provider on a real port over a real embedded ledger (the credential module's {@link
 * Testbed} with the profile policies): did:mip parties, apps registered with {@code app.register},
 * an accredited {@link TestKycIssuer}, and {@link FakePassports} standing in for the wallet.
 */
final class OidcTestbed implements AutoCloseable {
  record App(Testbed.Party party, String name, URI redirect) {}

  final MutableClock clock = new MutableClock();
  final Testbed testbed;
  final FakePassports passports = new FakePassports();
  final TestKycIssuer kyc;
  final Testbed.Party kycIssuerParty;
  final OidcProvider provider;
  final Javalin app;
  final URI base;

  OidcTestbed(Path dir) {
    testbed = Testbed.open(dir.resolve("ledger"), ProfilePolicies.all());
    kyc = TestKycIssuer.create(testbed, "kyc-1", dir.resolve("alloc"), "http://127.0.0.1:1");
    kycIssuerParty = kyc.accredit().party();
    var keys = new ResolverPartyKeys(testbed.resolver());
    CredentialVerifier verifier =
        new CredentialVerifier(
            InProcessSources.issuerKeys(testbed.resolver()),
            InProcessSources.accreditations(testbed.ledger()),
            InProcessSources.statusLists(testbed.ledger(), testbed.resolver()),
            CredentialVerifier.Settings.defaults().withCacheTtl(Duration.ZERO));
    provider =
        OidcProvider.open(
            OidcConfig.of(
                    dir.resolve("oidc"),
                    new AppRegistryClients(
                        new AppRegistry(testbed.ledger(), keys, clock), testbed.resolver()),
                    passports,
                    Optional.of(verifier),
                    keys)
                .withClock(clock));
    app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.startupWatcherEnabled = false;
            });
    ErrorHandling.install(app);
    provider.register(app);
    app.start("127.0.0.1", 0);
    base = URI.create("http://127.0.0.1:" + app.port());
  }

  Testbed.Party party() {
    return testbed.createDid();
  }

  App registerApp(String name) {
    URI redirect =
        URI.create("http://127.0.0.1:9/" + name.toLowerCase().replace(' ', '-') + "/callback");
    return new App(TestApps.register(testbed, name, redirect.toString()), name, redirect);
  }

  /** A person with a passport on the node, holding a KYC credential when {@code withKyc}. */
  FakePassports.Person person(String id, boolean withKyc) {
    Testbed.Party p = party();
    SdJwt credential = withKyc ? kyc.credentialFor(p.kid(), p.key().signer()) : null;
    FakePassports.Person person = new FakePassports.Person(id, p.did(), p.key(), credential);
    passports.add(person);
    return person;
  }

  MipClient client(App a) {
    return client(a, MipClient.Settings.defaults().withClock(clock));
  }

  MipClient client(App a, MipClient.Settings settings) {
    return MipClient.discover(
        base,
        a.party().did(),
        a.party().key(),
        Optional.of(a.party().kid()),
        a.redirect(),
        settings);
  }

  @Override
  public void close() {
    app.stop();
    testbed.close();
  }
}
