package io.mip.cli.kyc;

import io.mip.cli.CliFailure;
import io.mip.credential.CredentialPolicies;
import io.mip.credential.kyc.KycCredential;
import io.mip.credential.registry.RegistryOperations;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.DidResolver;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipPolicy;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.ledger.embedded.KeyFiles;
import io.mip.node.DidMethods;
import io.mip.node.NodeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes a node a KYC issuer (docs/kyc.md), for {@code mip kyc init} and {@code mip demo}: with the
 * node stopped, creates the issuer's did:mip on the node's embedded ledger, writes {@code
 * <data>/kyc/issuer.key} (mode 600), {@code issuer.did} and {@code base-url}, and optionally
 * accredits the issuer for {@code urn:mip:kyc:v1} with the ledger's governance key ({@code
 * <data>/ledger/governance.key}). A node started on {@code <data>} afterwards runs the issuer.
 */
public final class KycIssuerInit {
  private KycIssuerInit() {}

  /**
   * What was made.
   *
   * @param did the issuer's DID
   * @param accredited whether it was accredited for {@link KycCredential#VCT}
   */
  public record Created(String did, boolean accredited) {}

  /** Returns the issuer directory of a node data directory. */
  public static Path dir(Path data) {
    return data.resolve("kyc");
  }

  /** Returns the issuer DID of {@code data}, if it has an issuer. */
  public static Optional<String> issuer(Path data) {
    Path kyc = dir(data);
    if (!Files.isRegularFile(kyc.resolve("issuer.key"))) {
      return Optional.empty();
    }
    try {
      String kid = Files.readString(kyc.resolve("issuer.did"), StandardCharsets.UTF_8).strip();
      return Optional.of(kid.contains("#") ? kid.substring(0, kid.indexOf('#')) : kid);
    } catch (IOException e) {
      throw CliFailure.io("cannot read the KYC issuer in " + kyc + ": " + e.getMessage());
    }
  }

  /**
   * Creates the issuer of {@code data} (node stopped).
   *
   * @param baseUrl the public URL of a node serving the issuer's status lists
   * @param accredit whether to accredit it with the ledger's governance key
   * @throws CliFailure exit 1 when an issuer exists or the ledger refuses, exit 3 on I/O failures
   */
  public static Created create(Path data, String baseUrl, boolean accredit) {
    Path kyc = dir(data);
    if (Files.exists(kyc.resolve("issuer.key"))) {
      throw CliFailure.refused("a KYC issuer already exists in " + kyc);
    }
    AtomicReference<Ledger> ledgerRef = new AtomicReference<>();
    AtomicReference<DidResolver> resolverRef = new AtomicReference<>();
    List<OperationPolicy> policies = new ArrayList<>(List.of(new DidMipPolicy()));
    policies.addAll(CredentialPolicies.create(ledgerRef::get, resolverRef::get));
    Path ledgerDir = NodeConfig.ledgerDir(data);
    try (EmbeddedLedger ledger = EmbeddedLedger.open(ledgerDir, policies)) {
      ledgerRef.set(ledger);
      resolverRef.set(DidMethods.resolver(ledger));
      Ed25519PrivateKey key = Ed25519PrivateKey.generate();
      Operation create =
          DidMipOperations.create(key, X25519PrivateKey.generate().publicKey(), List.of());
      require(ledger.submit(create), "DID creation");
      String did = DidMipOperations.didOf(create);
      Files.createDirectories(kyc);
      KeyFiles.writeKeyFile(kyc.resolve("issuer.key"), key);
      Files.writeString(kyc.resolve("issuer.did"), did + "#key-1\n", StandardCharsets.UTF_8);
      setBaseUrl(data, baseUrl);
      if (accredit) {
        Ed25519PrivateKey governance = KeyFiles.readKeyFile(ledgerDir.resolve("governance.key"));
        require(
            ledger.submit(
                RegistryOperations.accredit(
                    did,
                    Set.of(KycCredential.VCT),
                    ledger
                        .head(RegistryOperations.STREAM)
                        .map(e -> e.operation().id())
                        .orElse(null),
                    governance)),
            "accreditation");
      }
      return new Created(did, accredit);
    } catch (IOException e) {
      throw CliFailure.io("cannot set up the KYC issuer in " + kyc + ": " + e.getMessage());
    }
  }

  /**
   * Sets the status-list base URL the issuer writes into new credentials ({@code
   * <data>/kyc/base-url}); a running node reads it when it first issues.
   */
  public static void setBaseUrl(Path data, String baseUrl) {
    Path file = dir(data).resolve("base-url");
    try {
      Files.writeString(file, baseUrl + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliFailure.io("cannot write " + file + ": " + e.getMessage());
    }
  }

  private static void require(Admission a, String what) {
    if (!a.admitted()) {
      throw CliFailure.refused(what + " refused: " + a.rejection().code());
    }
  }
}
