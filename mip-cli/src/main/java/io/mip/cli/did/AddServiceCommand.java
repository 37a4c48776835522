package io.mip.cli.did;

import io.mip.did.Service;
import io.mip.did.mip.DidMipOperations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mip did add-service}: adds a service to a DID (or replaces the one with its id). */
@Command(
    name = "add-service",
    mixinStandardHelpOptions = true,
    description = "Add a service to a DID, or replace the one with the same id.")
final class AddServiceCommand implements Callable<Integer> {
  @Mixin DidChange change;

  @Parameters(index = "0", paramLabel = "DID", description = "The DID to change.")
  String did;

  @Option(
      names = "--service",
      paramLabel = "ID=TYPE=URL",
      required = true,
      description = "The service, such as hub=LinkedDomains=https://example.com.")
  String service;

  @Override
  public Integer call() {
    Service s = DidUpdates.service(service);
    return change.submit(
        did,
        p -> DidMipOperations.addService(p.state(), p.signingKey(), s),
        did + " now lists service " + s.id());
  }
}
