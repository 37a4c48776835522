package io.mip.cli.profile;

import io.mip.cli.CliFailure;
import io.mip.cli.did.TargetOptions;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * {@code --node URL}: the node a profile command talks to (default {@code $MIP_NODE}, else 8080).
 */
final class NodeUriOption {
  @Option(
      names = "--node",
      paramLabel = "URL",
      description = "The node (default: $MIP_NODE or " + TargetOptions.DEFAULT_NODE + ").")
  URI node;

  /** The node's URI; exit 2 unless it is an http(s) URL. */
  URI uri() {
    URI n = node != null ? node : TargetOptions.defaultNode();
    if (!("http".equals(n.getScheme()) || "https".equals(n.getScheme())) || n.getHost() == null) {
      throw CliFailure.usage("--node must be an http(s) URL, got " + n);
    }
    return n;
  }
}
