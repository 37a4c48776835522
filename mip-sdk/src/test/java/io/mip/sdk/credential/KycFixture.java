package io.mip.sdk.credential;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** A ledger with DID, registry and status policies, an accredited KYC issuer and a holder. */
final class KycFixture implements AutoCloseable {
  record Party(String did, Ed25519PrivateKey key) {
    String kid() {
      return did + "#key-1";
    }
  }

  final EmbeddedLedger ledger;
  final DidResolver resolver;
  final Ed25519PrivateKey governance;
  final Party issuer;
  final Party holder;
  final StatusListIssuer statusList;
  final KycIssuer kyc;

  KycFixture(Path dir) {
    AtomicReference<Ledger> ledgerRef = new AtomicReference<>();
    AtomicReference<DidResolver> resolverRef = new AtomicReference<>();
    List<OperationPolicy> policies = new ArrayList<>();
    policies.add(new DidMipPolicy());
    policies.addAll(CredentialPolicies.create(ledgerRef::get, resolverRef::get));
    ledger = EmbeddedLedger.open(dir.resolve("ledger"), policies);
    ledgerRef.set(ledger);
    resolver =
        new CompositeDidResolver(
            Map.of("mip", new DidMipResolver(ledger), "key", new DidKeyResolver()));
    resolverRef.set(resolver);
    try {
      governance = KeyFiles.readKeyFile(dir.resolve("ledger").resolve("governance.key"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    issuer = createDid();
    holder = createDid();
    accredit(issuer.did());
    statusList =
        new StatusListIssuer(
            ledger,
            new StatusListId(issuer.did(), "kyc-1"),
            issuer.key(),
            1024,
            2,
            dir.resolve("alloc"));
    kyc =
        new KycIssuer(
            issuer.kid(),
            issuer.key(),
            resolver,
            (s, d) -> new FaceVerdict(FaceVerdict.Outcome.MATCH, 0.9, "match"),
            statusList,
            KycIssuer.Settings.defaults("http://127.0.0.1:8080"),
            Clock.systemUTC());
  }

  Party createDid() {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    Operation op = DidMipOperations.create(key, X25519PrivateKey.generate().publicKey(), List.of());
    require(ledger.submit(op));
    return new Party(DidMipOperations.didOf(op), key);
  }

  void accredit(String did) {
    require(
        ledger.submit(
            RegistryOperations.accredit(
                did,
                Set.of(KycCredential.VCT),
                new IssuerRegistry(ledger).head().orElse(null),
                governance)));
  }

  void withdraw(String did) {
    require(
        ledger.submit(
            RegistryOperations.withdraw(
                did, new IssuerRegistry(ledger).head().orElse(null), governance)));
  }

  /** Runs KYC for the holder and returns the result. */
  KycResult issueKyc() {
    Challenge c = kyc.challenge();
    String proof = HolderProof.sign(c, holder.kid(), holder.key().signer(), Instant.now());
    String mrz = td3();
    return kyc.issue(new KycRequest(proof, mrz, new byte[] {1}, new byte[] {2}));
  }

  static String td3() {
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

  String present(SdJwt credential, Set<String> claims, String nonce, String aud) {
    return SdJwt.present(credential, claims, holder.key().signer(), nonce, aud, Instant.now())
        .serialize();
  }

  CredentialVerifier verifier(CredentialVerifier.Settings settings) {
    return new CredentialVerifier(
        InProcessSources.issuerKeys(resolver),
        InProcessSources.accreditations(ledger),
        InProcessSources.statusLists(ledger, resolver),
        settings);
  }

  private static void require(Admission a) {
    if (!a.admitted()) {
      throw new IllegalStateException("refused: " + a.rejection());
    }
  }

  @Override
  public void close() {
    ledger.close();
  }
}
