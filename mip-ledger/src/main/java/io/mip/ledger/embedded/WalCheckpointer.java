package io.mip.ledger.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Copies committed WAL frames into a SQLite database file from its own thread and connection, so a
 * group-commit writer never waits for a checkpoint (which writes and syncs the database file), and
 * pages written many times between two checkpoints are copied once. Runs a PASSIVE checkpoint
 * (never blocks the writer or readers) every interval; a failed one is retried on the next tick,
 * the WAL staying the durable copy meanwhile. Closing the writer's connection checkpoints whatever
 * is left. The embedded ledger and the Smart Profile's SQLite store both use it.
 */
public final class WalCheckpointer implements AutoCloseable {
  private final Connection conn;
  private final long intervalNanos;
  private final Thread thread;
  private volatile boolean closed;

  /**
   * Starts checkpointing over {@code conn} (which this then owns) every {@code interval}, on a
   * daemon thread named {@code <name>-checkpoint}.
   */
  public WalCheckpointer(Connection conn, String name, Duration interval) {
    this.conn = conn;
    this.intervalNanos = interval.toNanos();
    this.thread = new Thread(this::loop, name + "-checkpoint");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (!closed) {
      LockSupport.parkNanos(intervalNanos);
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
