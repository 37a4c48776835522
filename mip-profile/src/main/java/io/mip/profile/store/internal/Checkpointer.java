package io.mip.profile.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Copies committed WAL frames into a SQLite database file from its own thread and connection, so
 * the group-commit writer never waits for a checkpoint (which writes and syncs the database file),
 * and pages written many times between two checkpoints are copied once. Runs a PASSIVE checkpoint
 * (never blocks the writer or readers) every {@value #INTERVAL_MS} ms; a failed one is retried on
 * the next tick, the WAL staying the durable copy meanwhile. The same design as the embedded
 * ledger's.
 */
public final class Checkpointer implements AutoCloseable {
  private static final long INTERVAL_MS = 500;

  private final Connection conn;
  private final Thread thread;
  private volatile boolean closed;

  /** Starts checkpointing over {@code conn} (which this then owns). */
  public Checkpointer(Connection conn, String name) {
    this.conn = conn;
    this.thread = new Thread(this::loop, name + "-checkpoint");
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
        // Retried on the next tick; committed data is safe in the WAL until then.
      }
    }
  }

  /** Stops the thread and closes its connection. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      conn.close();
    } catch (SQLException e) {
      // Nothing is lost: the writer's connection checkpoints when it closes.
    }
  }
}
