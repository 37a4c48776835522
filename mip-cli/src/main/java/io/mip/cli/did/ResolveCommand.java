package io.mip.cli.did;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.ExitCodes;
import io.mip.ledger.Operation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mip did resolve}: prints the DID resolution result (Universal Resolver JSON). Exit 0 when
 * the DID resolves (deactivated included), 1 when resolution fails (the result, with its error, is
 * still printed).
 */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = "Resolve a DID and print the resolution result as JSON.")
final class ResolveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;

  @Parameters(index = "0", paramLabel = "DID", description = "The DID to resolve.")
  String did;

  @Option(
      names = "--version-time",
      paramLabel = "T",
      description = "Resolve the version in force at T (UTC, such as 2025-01-01T12:00:00Z).")
  String versionTime;

  @Option(
      names = "--version-id",
      paramLabel = "ID",
      description = "Resolve the version made by operation ID.")
  String versionId;

  @Override
  public Integer call() throws JsonProcessingException {
    JsonNode result;
    try (DidTarget t = target.open()) {
      result = t.resolve(did, versionTime, versionId);
    }
    spec.commandLine()
        .getOut()
        .println(Operation.json().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    JsonNode error = result.path("didResolutionMetadata").path("error");
    if (!error.isMissingNode()) {
      spec.commandLine()
          .getErr()
          .println(
              "mip: "
                  + error.asText()
                  + ": "
                  + result.path("didResolutionMetadata").path("errorMessage").asText(""));
      return ExitCodes.REFUSED;
    }
    return ExitCodes.OK;
  }
}
