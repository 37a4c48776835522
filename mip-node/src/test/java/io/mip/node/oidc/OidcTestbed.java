package io.mip.node.oidc;

import io.javalin.Javalin;
import io.mip.credential.CredentialPolicies;
import io.mip.credential.kyc.Challenge;
import io.mip.credential.kyc.FaceCheck.FaceVerdict;
import io.mip.credential.kyc.HolderProof;
import io.mip.credential.kyc.KycCredential;
import io.mip.credential.kyc.KycIssuer;
import io.mip.credential.kyc.KycRequest;
import io.mip.credential.kyc.KycResult;
import io.mip.credential.mrz.MrzParser;
import io.mip.credential.registry.IssuerRegistry;
import io.mip.credential.registry.RegistryOperations;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.credential.status.StatusListId;
import io.mip.credential.status.StatusListIssuer;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.CompositeDidResolver;
import io.mip.did.DidResolver;
import io.mip.did.key.DidKeyResolver;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipPolicy;
import io.mip.did.mip.DidMipResolver;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.ledger.embedded.KeyFiles;
import io.mip.node.internal.http.ErrorHandling;
import io.mip.profile.ProfilePolicies;
import io.mip.profile.app.AppOperations;
import io.mip.profile.app.AppRegistration;
import io.mip.profile.app.AppRegistry;
import io.mip.profile.auth.ResolverPartyKeys;
import io.mip.sdk.credential.CredentialVerifier;
import io.mip.sdk.credential.InProcessSources;
import io.mip.sdk.login.MipClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real provider on a real port over a real embedded ledger: did:mip parties, apps registered with
 * {@code app.register}, an accredited KYC issuer with a status list, and {@link FakePassports}
 * standing in for the wallet.
 */
final class OidcTestbed implements AutoCloseable {
  record Party(String did, Ed25519PrivateKey key) {
    String kid() {
      return did + "#key-1";
    }
  }

  record App(Party party, String name, URI redirect) {}

  final TestClock clock = new TestClock();
  final EmbeddedLedger ledger;
  final DidResolver resolver;
  final FakePassports passports = new FakePassports();
  final Party kycIssuerParty;
  final KycIssuer kyc;
  final OidcProvider provider;
  final Javalin app;
  final URI base;

  OidcTestbed(Path dir) {
    AtomicReference<Ledger> ledgerRef = new AtomicReference<>();
    AtomicReference<DidResolver> resolverRef = new AtomicReference<>();
    List<OperationPolicy> policies = new ArrayList<>();
    policies.add(new DidMipPolicy());
    policies.addAll(ProfilePolicies.all());
    policies.addAll(CredentialPolicies.create(ledgerRef::get, resolverRef::get));
    ledger = EmbeddedLedger.open(dir.resolve("ledger"), policies);
    ledgerRef.set(ledger);
    resolver =
        new CompositeDidResolver(
            Map.of("mip", new DidMipResolver(ledger), "key", new DidKeyResolver()));
    resolverRef.set(resolver);
    kycIssuerParty = party();
    accredit(kycIssuerParty.did(), dir);
    StatusListIssuer status =
        new StatusListIssuer(
            ledger,
            new StatusListId(kycIssuerParty.did(), "kyc-1"),
            kycIssuerParty.key(),
            1024,
            2,
            dir.resolve("alloc"));
    kyc =
        new KycIssuer(
            kycIssuerParty.kid(),
            kycIssuerParty.key(),
            resolver,
            (s, d) -> new FaceVerdict(FaceVerdict.Outcome.MATCH, 0.9, "match"),
            status,
            KycIssuer.Settings.defaults("http://127.0.0.1:1"),
            Clock.systemUTC());
    var keys = new ResolverPartyKeys(resolver);
    CredentialVerifier verifier =
        new CredentialVerifier(
            InProcessSources.issuerKeys(resolver),
            InProcessSources.accreditations(ledger),
            InProcessSources.statusLists(ledger, resolver),
            CredentialVerifier.Settings.defaults().withCacheTtl(Duration.ZERO));
    provider =
        OidcProvider.open(
            OidcConfig.of(
                    dir.resolve("oidc"),
                    new AppRegistryClients(new AppRegistry(ledger, keys, clock), resolver),
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

  Party party() {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    Operation op = DidMipOperations.create(key, X25519PrivateKey.generate().publicKey(), List.of());
    require(ledger.submit(op));
    return new Party(DidMipOperations.didOf(op), key);
  }

  App registerApp(String name) {
    Party p = party();
    URI redirect =
        URI.create("http://127.0.0.1:9/" + name.toLowerCase().replace(' ', '-') + "/callback");
    require(
        ledger.submit(
            AppOperations.register(
                new AppRegistration(p.did(), name, List.of(redirect.toString())), p.key())));
    return new App(p, name, redirect);
  }

  /** A person with a passport on the node, holding a KYC credential when {@code withKyc}. */
  FakePassports.Person person(String id, boolean withKyc) {
    Party p = party();
    SdJwt credential = withKyc ? issueKyc(p) : null;
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

  private SdJwt issueKyc(Party holder) {
    Challenge c = kyc.challenge();
    String proof = HolderProof.sign(c, holder.kid(), holder.key().signer(), Instant.now());
    KycResult r = kyc.issue(new KycRequest(proof, td3(), new byte[] {1}, new byte[] {2}));
    if (!r.isIssued()) {
      throw new IllegalStateException("KYC not issued: " + r.detail());
    }
    return r.credential();
  }

  private void accredit(String did, Path dir) {
    Ed25519PrivateKey governance;
    try {
      governance = KeyFiles.readKeyFile(dir.resolve("ledger").resolve("governance.key"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    require(
        ledger.submit(
            RegistryOperations.accredit(
                did,
                Set.of(KycCredential.VCT),
                new IssuerRegistry(ledger).head().orElse(null),
                governance)));
  }

  private static String td3() {
    String l1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    String num = "L898902C3";
    String b =
        num
            + MrzParser.checkDigit(num)
            + "UTO"
            + "740812"
            + MrzParser.checkDigit("740812")
            + "F"
            + "391231"
            + MrzParser.checkDigit("391231")
            + "<".repeat(14)
            + "<";
    String composite = b.substring(0, 10) + b.substring(13, 20) + b.substring(21, 43);
    return l1 + "\n" + b + MrzParser.checkDigit(composite);
  }

  private static void require(Admission a) {
    if (!a.admitted()) {
      throw new IllegalStateException("not admitted: " + a);
    }
  }

  @Override
  public void close() {
    app.stop();
    ledger.close();
  }
}
