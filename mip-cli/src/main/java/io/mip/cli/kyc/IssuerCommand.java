package io.mip.cli.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.CliFailure;
import io.mip.cli.NodeUriOption;
import io.mip.credential.kyc.KycCredential;
import io.mip.credential.registry.RegistryOperations;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.embedded.KeyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mip issuer accredit|withdraw|list}: the trusted-issuer registry. Accreditation and
 * withdrawal are signed here with the governance key file and submitted to a node; the node never
 * sees the key.
 */
@Command(
    name = "issuer",
    mixinStandardHelpOptions = true,
    description = "Trusted-issuer registry: accredit, withdraw, list.",
    subcommands = {
      IssuerCommand.Accredit.class,
      IssuerCommand.Withdraw.class,
      IssuerCommand.ListIssuers.class
    })
public final class IssuerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing subcommand (accredit, withdraw, list)");
  }

  /** The node and the governance key an accreditation or withdrawal is signed with. */
  static class Target {
    @Mixin NodeUriOption node;

    @Option(
        names = "--governance-key",
        required = true,
        description = "The ledger's governance key file (<data>/ledger/governance.key).")
    Path governanceKey;

    Ed25519PrivateKey key() {
      try {
        return KeyFiles.readKeyFile(governanceKey);
      } catch (IOException e) {
        throw CliFailure.io("cannot read governance key " + governanceKey);
      }
    }

    OperationId head(NodeHttp http) {
      JsonNode list = http.get("/issuers").body();
      return list.hasNonNull("head") ? new OperationId(list.get("head").asText()) : null;
    }

    int submit(NodeHttp http, String path, Operation op) {
      NodeHttp.Answer a = http.post(path, op.toJson());
      if (!a.ok()) {
        throw CliFailure.refused(a.problem());
      }
      System.out.println(op.type() + " admitted at sequence " + a.body().path("sequence").asLong());
      return 0;
    }
  }

  /** {@code mip issuer accredit DID --type T...}. */
  @Command(
      name = "accredit",
      mixinStandardHelpOptions = true,
      description = "Accredit an issuer DID for credential types.")
  static final class Accredit implements Callable<Integer> {
    @Parameters(index = "0", description = "The issuer's DID.")
    String did;

    @Option(names = "--type", description = "Credential type (repeatable; default urn:mip:kyc:v1).")
    List<String> types;

    @Mixin Target target = new Target();

    @Override
    public Integer call() {
      NodeHttp http = new NodeHttp(target.node);
      var set = new LinkedHashSet<>(types == null ? List.of(KycCredential.VCT) : types);
      return target.submit(
          http,
          "/issuers/accredit",
          RegistryOperations.accredit(did, set, target.head(http), target.key()));
    }
  }

  /** {@code mip issuer withdraw DID}. */
  @Command(
      name = "withdraw",
      mixinStandardHelpOptions = true,
      description = "Withdraw an issuer's accreditation.")
  static final class Withdraw implements Callable<Integer> {
    @Parameters(index = "0", description = "The issuer's DID.")
    String did;

    @Mixin Target target = new Target();

    @Override
    public Integer call() {
      NodeHttp http = new NodeHttp(target.node);
      return target.submit(
          http,
          "/issuers/withdraw",
          RegistryOperations.withdraw(did, target.head(http), target.key()));
    }
  }

  /** {@code mip issuer list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List accredited issuers.")
  static final class ListIssuers implements Callable<Integer> {
    @Mixin NodeUriOption node;

    @Override
    public Integer call() {
      NodeHttp.Answer a = new NodeHttp(node).get("/issuers");
      a.body()
          .path("issuers")
          .properties()
          .forEach(e -> System.out.println(e.getKey() + " " + e.getValue()));
      return 0;
    }
  }
}
