package io.mip.node.oidc;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.mip.credential.status.StatusListId;
import io.mip.credential.status.StatusListIssuer;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.SecretKeyAccess;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.DidResolver;
import io.mip.did.mip.DidMipOperations;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.Operation;
import io.mip.ledger.embedded.KeyFiles;
import io.mip.profile.app.AppOperations;
import io.mip.profile.app.AppRegistration;
import io.mip.wallet.passport.PassportSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The other parties of the interop test, on a running node's own ledger. */
final class InteropParties {
  private InteropParties() {}

  /** Creates and registers an app; writes its private JWK (with kid) to {@code jwkFile}. */
  static String registerApp(Ledger ledger, String redirect, Path jwkFile) throws IOException {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    Operation create =
        DidMipOperations.create(key, X25519PrivateKey.generate().publicKey(), List.of());
    require(ledger.submit(create));
    String did = DidMipOperations.didOf(create);
    require(
        ledger.submit(
            AppOperations.register(
                new AppRegistration(did, "Interop Clinic", List.of(redirect)), key)));
    ObjectNode jwk = Operation.json().createObjectNode();
    jwk.put("kty", "OKP");
    jwk.put("crv", "Ed25519");
    jwk.put("x", Base64Url.encode(key.publicKey().toBytes()));
    jwk.put("d", Base64Url.encode(key.exportSeed(SecretKeyAccess.insecureSecretAccess())));
    jwk.put("kid", did + "#key-1");
    Files.write(jwkFile, Operation.json().writeValueAsBytes(jwk));
    return did;
  }

  /**
   * Accredits a fresh KYC issuer (with the node's governance key) and issues the passport's owner a
   * KYC credential bound to the passport's DID key; writes it beside the passport.
   */
  static String issueKyc(
      Ledger ledger,
      DidResolver resolver,
      Path dataDir,
      PassportSession holder,
      Path credentialFile)
      throws IOException {
    Ed25519PrivateKey issuerKey = Ed25519PrivateKey.generate();
    Operation create =
        DidMipOperations.create(issuerKey, X25519PrivateKey.generate().publicKey(), List.of());
    require(ledger.submit(create));
    String issuer = DidMipOperations.didOf(create);
    Ed25519PrivateKey governance =
        KeyFiles.readKeyFile(dataDir.resolve("ledger").resolve("governance.key"));
    require(
        ledger.submit(
            RegistryOperations.accredit(
                issuer,
                Set.of(KycCredential.VCT),
                new IssuerRegistry(ledger).head().orElse(null),
                governance)));
    StatusListIssuer status =
        new StatusListIssuer(
            ledger,
            new StatusListId(issuer, "interop"),
            issuerKey,
            1024,
            2,
            dataDir.resolve("interop-alloc"));
    KycIssuer kyc =
        new KycIssuer(
            issuer + "#key-1",
            issuerKey,
            resolver,
            (s, d) -> new FaceVerdict(FaceVerdict.Outcome.MATCH, 0.9, "match"),
            status,
            KycIssuer.Settings.defaults("http://127.0.0.1:1"),
            Clock.systemUTC());
    Challenge c = kyc.challenge();
    String proof = HolderProof.sign(c, holder.did() + "#key-1", holder.signer(), Instant.now());
    KycResult r = kyc.issue(new KycRequest(proof, td3(), new byte[] {1}, new byte[] {2}));
    if (!r.isIssued()) {
      throw new IllegalStateException("KYC not issued: " + r.detail());
    }
    Files.writeString(credentialFile, r.credential().serialize(), StandardCharsets.US_ASCII);
    return issuer;
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
}
