package io.mip.node.backup;

import io.mip.ledger.testing.MutableClock;
import io.mip.node.LedgerBackend;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import io.mip.node.internal.ledger.LedgerFactories;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A real node on port 0 over the embedded ledger with the backup feature on a hand-moved clock;
 * {@link #restart()} closes it and opens the same data directory again (on a new port).
 */
final class BackupTestNode implements AutoCloseable {
  final Path data;
  final MutableClock clock;
  private MipNode node;

  BackupTestNode(Path data) {
    this(data, new MutableClock(Instant.parse("2026-05-01T09:00:00Z")));
  }

  BackupTestNode(Path data, MutableClock clock) {
    this.data = data;
    this.clock = clock;
    open();
  }

  private void open() {
    node =
        MipNode.open(
                NodeConfig.embedded(data),
                LedgerFactories.forBackend(LedgerBackend.EMBEDDED),
                List.of(new BackupFeature(clock)))
            .start(0);
  }

  MipNode node() {
    return node;
  }

  URI uri() {
    return node.localUri();
  }

  void restart() {
    node.close();
    open();
  }

  @Override
  public void close() {
    node.close();
  }
}
