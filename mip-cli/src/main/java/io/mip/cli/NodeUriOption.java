package io.mip.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/**
 * {@code --node URL}: the node a command talks to over HTTP (default {@code $MIP_NODE}, else
 * {@value #DEFAULT_NODE}). The one declaration of the option for the kyc, issuer, credential,
 * profile, consent, app and passport backup commands; the did and passport commands that can also
 * open a data directory take it from {@code TargetOptions} (an exclusive {@code --node | --data}).
 */
public final class NodeUriOption {
  /** The node commands talk to when neither {@code --node} nor {@code $MIP_NODE} names one. */
  public static final String DEFAULT_NODE = "http://127.0.0.1:8080";

  @Option(
      names = "--node",
      paramLabel = "URL",
      description = "The node (default: $MIP_NODE or " + DEFAULT_NODE + ").")
  URI node;

  /** The node's URI; exits 2 unless it is an http(s) URL with a host. */
  public URI uri() {
    URI n = node != null ? node : defaultNode();
    if (!("http".equals(n.getScheme()) || "https".equals(n.getScheme())) || n.getHost() == null) {
      throw CliFailure.usage("--node must be an http(s) URL, got " + n);
    }
    return n;
  }

  /** The node a command talks to without {@code --node}: {@code $MIP_NODE}, else the default. */
  public static URI defaultNode() {
    String env = System.getenv("MIP_NODE");
    return URI.create(env == null || env.isBlank() ? DEFAULT_NODE : env);
  }
}
