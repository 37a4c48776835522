package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import io.mip.cli.did.DidKeyFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --did DID} and {@code --key FILE}: act as a DID with the key file {@code mip did create}
 * wrote. Either may be left out: the DID is read from the key file, and the key file defaults to
 * {@code ~/.mip/keys/<did-id>.json}. The file is read with {@link DidKeyFile#load} (size, mode 600,
 * keys consistent, the DID matching {@code --did}).
 */
public final class DidKeyOptions {
  @Option(
      names = "--did",
      paramLabel = "DID",
      description = "Act as this DID, with its key file (default: ~/.mip/keys/<did-id>.json).")
  String did;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "The DID's key file (mip did create); the DID is read from it without --did.")
  Path key;

  /** Returns whether {@code --did} or {@code --key} was given. */
  public boolean given() {
    return did != null || key != null;
  }

  /** Reads the key file; exit 2 when neither option is given or the file is another DID's. */
  public DidKeyFile load() {
    if (!given()) {
      throw CliFailure.usage("give --did DID and/or --key FILE");
    }
    Path file = key != null ? key : DidKeyFile.defaultPath(DidKeyFile.defaultKeysDir(), did);
    return DidKeyFile.load(file, did);
  }

  /** Returns the DID: {@code --did}, else the key file's. */
  public String did() {
    return did != null ? did : load().did();
  }
}
