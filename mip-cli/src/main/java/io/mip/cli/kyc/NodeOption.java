package io.mip.cli.kyc;

import io.mip.cli.did.TargetOptions;
import picocli.CommandLine.Option;

/**
 * {@code --node URL}, the node the kyc, issuer and credential commands talk to (default {@code
 * $MIP_NODE}, else {@code http://127.0.0.1:8080}).
 */
final class NodeOption {
  @Option(
      names = "--node",
      defaultValue = "${MIP_NODE:-" + TargetOptions.DEFAULT_NODE + "}",
      description = "Node URL (default: ${DEFAULT-VALUE}).")
  String node;

  /** A client for the node; exits 2 unless the URL is http(s). */
  NodeHttp http() {
    return new NodeHttp(node);
  }
}
