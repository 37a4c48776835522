package io.mip.ledger.embedded.internal;

import io.mip.ledger.LedgerException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed set of read-only connections lent to one reader at a time (WAL lets them run beside the
 * writer).
 */
public final class ReaderPool implements AutoCloseable {
  /** A read that may fail with a storage error. */
  @FunctionalInterface
  public interface Read<T> {
    /** Runs the read on a connection the caller has to itself. */
    T apply(Connection c) throws SQLException;
  }

  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();
  private volatile boolean closed;

  /** Opens {@code size} read-only connections. */
  public ReaderPool(Path dataDir, int size) throws SQLException {
    idle = new ArrayBlockingQueue<>(size);
    try {
      for (int i = 0; i < size; i++) {
        Connection c = Sqlite.openReader(dataDir);
        all.add(c);
        idle.add(c);
      }
    } catch (SQLException e) {
      close();
      throw e;
    }
  }

  /** Runs {@code read} on an idle connection, waiting for one if all are busy. */
  public <T> T read(Read<T> read) {
    if (closed) {
      throw new LedgerException("ledger is closed");
    }
    Connection c;
    try {
      c = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerException("interrupted while waiting for a read connection", e);
    }
    try {
      return read.apply(c);
    } catch (SQLException e) {
      throw new LedgerException("ledger read failed: " + e.getMessage(), e);
    } finally {
      idle.add(c);
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Connection c : all) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing a read-only connection loses nothing
      }
    }
  }
}
