package io.mip.cli.kyc;

import io.mip.credential.kyc.KycCredential;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip kyc init --data DIR}: makes this node a KYC issuer ({@link KycIssuerInit}). With the
 * node stopped, creates the issuer's did:mip on the node's embedded ledger, writes {@code
 * DIR/kyc/issuer.key} (mode 600), {@code issuer.did} and {@code base-url}, and (with {@code
 * --accredit}) accredits it for {@code urn:mip:kyc:v1} with the ledger's governance key from {@code
 * DIR/ledger/governance.key}.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Create this node's KYC issuer DID and key (node stopped).")
public final class KycInitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

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
  public Integer call() {
    KycIssuerInit.Created c = KycIssuerInit.create(data, baseUrl, accredit);
    var out = spec.commandLine().getOut();
    out.println("KYC issuer: " + c.did());
    if (c.accredited()) {
      out.println("accredited for " + KycCredential.VCT);
    }
    return 0;
  }
}
