package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import io.mip.wallet.passport.backup.BackupClient;
import java.net.URI;
import picocli.CommandLine.Option;

/** {@code --node URL}: the node that keeps passport backups (docs/passport.md). */
final class BackupNodeOption {
  static final String DEFAULT_NODE = "http://127.0.0.1:8080";

  @Option(
      names = "--node",
      paramLabel = "URL",
      description = "The node that keeps the backup (default: $MIP_NODE or " + DEFAULT_NODE + ").")
  URI node;

  /** Returns a client of the chosen node. */
  BackupClient client() {
    URI uri = node;
    if (uri == null) {
      String env = System.getenv("MIP_NODE");
      uri = URI.create(env == null || env.isBlank() ? DEFAULT_NODE : env);
    }
    try {
      return new BackupClient(uri);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage("--node must be an http(s) URL, got " + uri);
    }
  }
}
