package io.mip.cli.did;

import io.mip.cli.CliFailure;
import io.mip.did.mip.DidMipOperations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mip did remove-service}: removes a service from a DID. */
@Command(
    name = "remove-service",
    mixinStandardHelpOptions = true,
    description = "Remove a service from a DID.")
final class RemoveServiceCommand implements Callable<Integer> {
  @Mixin DidChange change;

  @Parameters(index = "0", paramLabel = "DID", description = "The DID to change.")
  String did;

  @Option(
      names = "--id",
      paramLabel = "ID",
      required = true,
      description = "The service id, with or without '#'.")
  String id;

  @Override
  public Integer call() {
    String fragment = id.startsWith("#") ? id : "#" + id;
    return change.submit(
        did,
        p -> {
          if (p.state().services().stream().noneMatch(s -> s.id().equals(fragment))) {
            throw CliFailure.refused(did + " lists no service " + fragment);
          }
          return DidMipOperations.removeService(p.state(), p.signingKey(), fragment);
        },
        did + " no longer lists service " + fragment);
  }
}
