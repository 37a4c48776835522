package io.mip.cli.did;

import io.mip.cli.NodeUriOption;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where a DID command goes: {@code --node URL} (default {@code $MIP_NODE}, else {@code
 * http://127.0.0.1:8080}) or {@code --data DIR} (open the embedded ledger directly).
 */
public final class TargetOptions {
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Choice choice;

  static final class Choice {
    @Option(
        names = "--node",
        paramLabel = "URL",
        description =
            "Talk to the node at URL (default: $MIP_NODE or " + NodeUriOption.DEFAULT_NODE + ").")
    URI node;

    @Option(
        names = "--data",
        paramLabel = "DIR",
        description = "Open the embedded ledger in node data directory DIR directly.")
    Path data;
  }

  /** Opens the chosen target; the caller closes it. */
  public DidTarget open() {
    if (choice != null && choice.data != null) {
      return new LocalDidTarget(choice.data);
    }
    if (choice != null && choice.node != null) {
      return new HttpDidTarget(choice.node);
    }
    return new HttpDidTarget(NodeUriOption.defaultNode());
  }
}
