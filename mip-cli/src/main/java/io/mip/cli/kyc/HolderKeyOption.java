package io.mip.cli.kyc;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --key FILE}: the holder's DID key file, whose key the credentials are bound to. */
final class HolderKeyOption {
  @Option(names = "--key", required = true, description = "Your DID key file (mip did create).")
  Path keyFile;

  HolderKey read() {
    return HolderKey.read(keyFile);
  }
}
