package io.mip.cli.node;

import io.mip.cli.CliFailure;
import io.mip.ledger.LedgerException;
import io.mip.ledger.embedded.LedgerCorruptedException;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/** Opens, starts and keeps a node running for {@code serve} and {@code demo}. */
final class NodeRunner {
  private NodeRunner() {}

  /**
   * Opens the node's stores and starts it.
   *
   * @throws CliFailure exit 1 naming the first bad block if the ledger is corrupted, exit 3 if it
   *     cannot be opened or the port cannot be bound
   */
  static MipNode start(NodeConfig config, String host, int port) {
    MipNode node;
    try {
      node = MipNode.open(config);
    } catch (LedgerCorruptedException e) {
      throw CliFailure.refused(
          "ledger in "
              + config.dataDir()
              + " is corrupted: first bad block "
              + e.height()
              + ": "
              + e.problem()
              + "; refusing to start (see `mip ledger verify --data "
              + config.dataDir()
              + "`)");
    } catch (LedgerException e) {
      throw CliFailure.io("cannot open the ledger in " + config.dataDir() + ": " + e.getMessage());
    }
    try {
      return node.start(host, port);
    } catch (RuntimeException e) {
      node.close();
      throw CliFailure.io("cannot listen on " + host + ":" + port + ": " + e.getMessage());
    }
  }

  /**
   * Blocks until the process is told to stop (SIGINT/SIGTERM run the shutdown hook) or the thread
   * is interrupted, then closes the node.
   */
  static void runUntilStopped(MipNode node, PrintWriter err) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              node.close();
              stopped.countDown();
            },
            "mip-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // stop cleanly first (Jetty's stop waits, which an interrupted thread cannot), then restore
      Runtime.getRuntime().removeShutdownHook(hook);
      node.close();
      err.println("mip: node stopped");
      err.flush();
      Thread.currentThread().interrupt();
    }
  }
}
