package io.mip.cli.node;

import io.mip.cli.ExitCodes;
import io.mip.cli.did.DemoDid;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip demo}: starts a node on the embedded ledger, creates a demo DID on first run, and
 * prints what to open and try. Runs until killed.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Start a local node with a demo DID and print what to try.")
public final class DemoCommand implements Callable<Integer> {
  static final int FIRST_PORT = 8080;
  static final int LAST_PORT = 8099;

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (default: $MIP_HOME, else ~/.mip/demo).")
  Path data;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port (default: 8080, or the first free one up to 8099).")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = MipNode.DEFAULT_HOST,
      description = "Interface to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Override
  public Integer call() {
    Path dir = dataDir();
    int p = port != null ? port : firstFreePort();
    Options.requirePort(spec, p);
    MipNode node = NodeRunner.start(NodeConfig.embedded(dir), host, p);
    DemoDid demo;
    try {
      demo = DemoDid.ensure(node.ledger(), dir);
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    guide(spec.commandLine().getOut(), "http://" + host + ":" + node.port(), dir, demo);
    NodeRunner.runUntilStopped(node, spec.commandLine().getErr());
    return ExitCodes.OK;
  }

  private Path dataDir() {
    if (data != null) {
      return data;
    }
    String home = System.getenv("MIP_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    return Path.of(System.getProperty("user.home"), ".mip", "demo");
  }

  private int firstFreePort() {
    for (int p = FIRST_PORT; p <= LAST_PORT; p++) {
      try {
        new ServerSocket(p, 1, InetAddress.getByName(host)).close();
        return p;
      } catch (IOException e) {
        // taken; try the next one
      }
    }
    return 0;
  }

  private static void guide(PrintWriter out, String url, Path dir, DemoDid demo) {
    String did = demo.did();
    String node = " --node " + url;
    out.println("MIP demo node running at " + url + " (Ctrl-C to stop)");
    out.println("  data:     " + dir.toAbsolutePath());
    out.println(
        "  demo DID: " + did + (demo.created() ? " (created now)" : " (from an earlier run)"));
    out.println("  key file: " + demo.keyFile());
    out.println();
    out.println("Open:");
    out.println("  " + url + "/health");
    out.println("  " + url + "/1.0/identifiers/" + did);
    out.println("  " + url + "/ledger/head");
    out.println("  " + url + "/metrics");
    out.println();
    out.println("Try:");
    out.println("  curl -s " + url + "/1.0/identifiers/" + did);
    out.println("  curl -s " + url + "/ledger/streams/" + did);
    out.println("  ./mip did resolve " + did + node);
    out.println("  ./mip did create" + node);
    out.println("  ./mip did rotate " + did + " --key " + demo.keyFile() + node);
    out.println(
        "  ./mip did resolve " + did + " --version-time <a time before the rotation>" + node);
    out.println("  ./mip did deactivate " + did + " --key " + demo.keyFile() + node);
    out.println("  ./mip ledger verify --data " + dir.toAbsolutePath());
    out.flush();
  }
}
