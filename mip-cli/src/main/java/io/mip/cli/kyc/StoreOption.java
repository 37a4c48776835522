package io.mip.cli.kyc;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --store DIR}: the holder's credential folder (default {@code ~/.mip/credentials}). */
final class StoreOption {
  @Option(names = "--store", description = "Credential folder (default ~/.mip/credentials).")
  Path store;

  CredentialStore open() {
    return new CredentialStore(store);
  }
}
