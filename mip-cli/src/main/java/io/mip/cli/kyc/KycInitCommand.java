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
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mip kyc init --data DIR}: makes this node a KYC issuer. With the node stopped, creates the
 * issuer's did:mip on the node's embedded ledger, writes {@code DIR/kyc/issuer.key} (mode 600),
 * {@code issuer.did} and {@code base-url}, and (with {@code --accredit}) accredits it for {@code
 * urn:mip:kyc:v1} with the ledger's governance key from {@code DIR/ledger/governance.key}.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Create this node's KYC issuer DID and key (node stopped).")
public final class KycInitCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, description = "The node's data directory.")
  Path data;

  @Option(
      names = "--base-url",
      defaultValue = "http://127.0.0.1:8080",
      description = "Public URL of a node serving the status lists (default: ${DEFAULT-VALUE}).")
  String baseUrl;

  @Option(names = "--accredit", description = "Also accredit the issuer (governance key).")
  boolean accredit;

  @Override
  public Integer call() throws IOException {
    Path kyc = data.resolve("kyc");
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
      Files.writeString(kyc.resolve("base-url"), baseUrl + "\n", StandardCharsets.UTF_8);
      System.out.println("KYC issuer: " + did);
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
        System.out.println("accredited for " + KycCredential.VCT);
      }
    }
    return 0;
  }

  private static void require(Admission a, String what) {
    if (!a.admitted()) {
      throw CliFailure.refused(what + " refused: " + a.rejection().code());
    }
  }
}
