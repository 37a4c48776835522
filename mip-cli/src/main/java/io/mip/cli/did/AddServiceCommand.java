package io.mip.cli.did;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.did.Service;
import io.mip.did.mip.DidMipOperations;
import io.mip.ledger.Operation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mip did add-service}: adds a service to a DID (or replaces the one with its id). */
@Command(
    name = "add-service",
    mixinStandardHelpOptions = true,
    description = "Add a service to a DID, or replace the one with the same id.")
final class AddServiceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin KeyOptions keyOptions;

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
    var err = spec.commandLine().getErr();
    try (DidTarget t = target.open()) {
      DidUpdates.Prepared p = DidUpdates.prepare(t, keyOptions, did, err);
      Operation op;
      try {
        op = DidMipOperations.addService(p.state(), p.keys().current().signing(), s);
      } catch (IllegalArgumentException e) {
        throw CliFailure.refused(e.getMessage());
      }
      DidUpdates.admitted(t.submit(op), err);
    }
    spec.commandLine().getOut().println(did + " now lists service " + s.id());
    return ExitCodes.OK;
  }
}
