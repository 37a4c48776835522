package io.mip.ledger.embedded.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Copies committed WAL frames into the database file from its own thread and connection, so the
 * writer's commits never wait for a checkpoint (which writes and syncs the database file). Runs a
 * PASSIVE checkpoint (never blocks the writer or readers) every {@value #INTERVAL_MS} ms; a
 * checkpoint that fails is retried on the next tick, and the WAL stays the durable copy meanwhile.
 * Closing the ledger's last connection checkpoints whatever is left.
 */
public final class Checkpointer implements AutoCloseable {
  private static final long INTERVAL_MS = 200;

  private final Connection conn;
  private final Thread thread;
  private volatile boolean closed;

  /** Opens a connection on {@code dataDir} and starts the checkpoint thread. */
  public Checkpointer(Path dataDir) throws SQLException {
    this.conn = Sqlite.openCheckpointer(dataDir);
    this.thread = new Thread(this::loop, "mip-ledger-checkpoint");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (!closed) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS));
      if (closed) {
        return;
      }
      try (Statement s = conn.createStatement()) {
        s.execute("PRAGMA wal_checkpoint(PASSIVE)");
      } catch (SQLException e) {
        // retried on the next tick; committed data is safe in the WAL until then
      }
    }
  }

  /** Stops the thread and closes its connection. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      conn.close();
    } catch (SQLException e) {
      // nothing is lost: the writer's connection checkpoints when it closes
    }
  }
}
