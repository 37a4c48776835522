package io.mip.cli.node;

import io.mip.cli.ExitCodes;
import io.mip.node.LedgerBackend;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip serve}: runs a node until killed. A corrupted embedded ledger is refused at start with
 * exit 1 and a message naming the first bad block.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run a MIP node (resolver, ledger API, health, metrics) until killed.")
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "Node data directory (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = MipNode.DEFAULT_HOST,
      description = "Interface to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--ledger",
      paramLabel = "BACKEND",
      defaultValue = "embedded",
      converter = Options.BackendConverter.class,
      description = "Ledger backend: embedded or evm (default: ${DEFAULT-VALUE}).")
  LedgerBackend backend;

  @Mixin EvmOptions evm;

  @Override
  public Integer call() {
    Options.requirePort(spec, port);
    NodeConfig config = evm.config(spec, data, backend);
    MipNode node = NodeRunner.start(config, host, port);
    var out = spec.commandLine().getOut();
    out.println(
        "mip node listening on http://"
            + host
            + ":"
            + node.port()
            + " (data: "
            + data.toAbsolutePath()
            + ", ledger: "
            + backend
            + ")");
    out.flush();
    NodeRunner.runUntilStopped(node, spec.commandLine().getErr());
    return ExitCodes.OK;
  }
}
