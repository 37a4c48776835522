package io.mip.cli.did;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where DID key files live: {@code --key FILE}, else {@code <keys-dir>/<did-id>.json}. */
final class KeyOptions {
  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "The DID's key file (default: <keys-dir>/<did-id>.json).")
  Path key;

  @Option(
      names = "--keys-dir",
      paramLabel = "DIR",
      description = "Directory of key files (default: ~/.mip/keys).")
  Path keysDir;

  Path file(String did) {
    if (key != null) {
      return key;
    }
    return DidKeyFile.defaultPath(keysDir != null ? keysDir : DidKeyFile.defaultKeysDir(), did);
  }
}
