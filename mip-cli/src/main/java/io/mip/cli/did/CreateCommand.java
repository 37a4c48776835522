package io.mip.cli.did;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.did.Service;
import io.mip.did.mip.DidMipOperations;
import io.mip.ledger.Admission;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip did create}: generates Ed25519 and X25519 keys, writes them to a new key file (mode
 * 600) before submitting, submits {@code did.create}, prints the DID on stdout.
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create a did:mip DID with fresh keys; prints the DID.")
final class CreateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin KeyOptions keyOptions;

  @Option(
      names = "--service",
      paramLabel = "ID=TYPE=URL",
      description =
          "A service to list, such as hub=LinkedDomains=https://example.com (repeatable).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    List<Service> list = services.stream().map(DidUpdates::service).toList();
    var err = spec.commandLine().getErr();
    KeySet keys = KeySet.generate();
    Operation create;
    try {
      create = DidMipOperations.create(keys.signing(), keys.agreement().publicKey(), list);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(e.getMessage());
    }
    String did = DidMipOperations.didOf(create);
    Path file = keyOptions.file(did);
    if (Files.exists(file)) {
      throw CliFailure.usage("key file " + file + " exists; will not overwrite it");
    }
    DidUpdates.write(DidKeyFile.of(did, keys), file);
    Admission admission;
    try (DidTarget t = target.open()) {
      admission = t.submit(create);
    } catch (CliFailure e) {
      err.println("mip: key file kept at " + file + "; delete it if " + did + " does not resolve");
      throw e;
    }
    if (admission.status() == Admission.Status.REJECTED) {
      deleteQuietly(file);
    }
    DidUpdates.admitted(admission, err);
    spec.commandLine().getOut().println(did);
    err.println("mip: key file " + file);
    return ExitCodes.OK;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the key of a refused DID is useless; leaving it behind is harmless
    }
  }
}
