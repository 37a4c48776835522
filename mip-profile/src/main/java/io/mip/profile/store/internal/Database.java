package io.mip.profile.store.internal;

import io.mip.profile.store.ProfileStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JDBC database with one writer connection doing group commit and a small pool of reader
 * connections. Writers queue work; the writer thread runs up to {@link #MAX_GROUP} pending works in
 * one transaction, each under its own savepoint (a failing work is rolled back alone), commits
 * once, then wakes the callers. A caller returns only after its work is committed.
 */
public final class Database implements AutoCloseable {
  /** Most works committed in one transaction. */
  public static final int MAX_GROUP = 256;

  /** A unit of work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    /** Runs the work. */
    T run(Connection c) throws SQLException;
  }

  /** Runs in the writer thread after a group's works and before its commit. */
  @FunctionalInterface
  public interface CommitHook {
    /** Prepares the commit; a failure rolls the whole group back and fails every caller. */
    void beforeCommit(Connection c) throws SQLException;
  }

  private record Task<T>(Work<T> work, CompletableFuture<T> done) {}

  private static final Task<Void> STOP = new Task<>(c -> null, new CompletableFuture<>());

  private final Connection writer;
  private final BlockingQueue<Connection> readers;
  private final List<Connection> allReaders;
  private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>(100_000);
  private final Thread thread;
  private final CommitHook hook;
  private final List<AutoCloseable> helpers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean closed;

  /** Starts the writer over {@code writer} (auto-commit off) and pools {@code readers}. */
  public Database(Connection writer, List<Connection> readers, String name) throws SQLException {
    this(writer, readers, name, c -> {});
  }

  /**
   * Starts the writer over {@code writer} (auto-commit off), pools {@code readers}, and runs {@code
   * hook} before every group commit.
   */
  public Database(Connection writer, List<Connection> readers, String name, CommitHook hook)
      throws SQLException {
    this.hook = hook;
    this.writer = writer;
    this.writer.setAutoCommit(false);
    this.allReaders = List.copyOf(readers);
    this.readers = new ArrayBlockingQueue<>(Math.max(1, readers.size()), false, readers);
    this.thread = new Thread(this::loop, name + "-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Closes {@code helper} (a background checkpointer, say) when this database closes: after the
   * writer thread stops, before the connections close. Returns this.
   */
  public Database closing(AutoCloseable helper) {
    helpers.add(helper);
    return this;
  }

  /** Runs {@code work} in the next group transaction and returns its result once committed. */
  public <T> T write(Work<T> work) {
    if (closed) {
      throw new IllegalStateException("store is closed");
    }
    CompletableFuture<T> done = new CompletableFuture<>();
    try {
      if (!queue.offer(new Task<>(work, done), 30, TimeUnit.SECONDS)) {
        throw new ProfileStoreException("store write queue is full", null);
      }
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProfileStoreException("interrupted while writing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new ProfileStoreException("store write failed: " + cause.getMessage(), cause);
    }
  }

  /** Runs {@code work} on a pooled reader connection (auto-commit). */
  public <T> T read(Work<T> work) {
    if (closed) {
      throw new IllegalStateException("store is closed");
    }
    Connection c;
    try {
      c = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProfileStoreException("interrupted while reading", e);
    }
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw new ProfileStoreException("store read failed: " + e.getMessage(), e);
    } finally {
      readers.add(c);
    }
  }

  private void loop() {
    List<Task<?>> group = new ArrayList<>(MAX_GROUP);
    while (true) {
      group.clear();
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(group, MAX_GROUP - 1);
      boolean stop = group.remove(STOP);
      if (!group.isEmpty()) {
        runGroup(group);
      }
      if (stop) {
        return;
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void runGroup(List<Task<?>> group) {
    Object[] results = new Object[group.size()];
    Throwable[] errors = new Throwable[group.size()];
    try {
      for (int i = 0; i < group.size(); i++) {
        Savepoint sp = writer.setSavepoint();
        try {
          results[i] = group.get(i).work().run(writer);
          writer.releaseSavepoint(sp);
        } catch (SQLException | RuntimeException e) {
          writer.rollback(sp);
          errors[i] = e;
        }
      }
      hook.beforeCommit(writer);
      writer.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        writer.rollback();
      } catch (SQLException ignored) {
        // The connection is broken; every caller of this group gets the commit failure.
      }
      for (Task<?> t : group) {
        t.done().completeExceptionally(new ProfileStoreException("commit failed", e));
      }
      return;
    }
    for (int i = 0; i < group.size(); i++) {
      CompletableFuture f = group.get(i).done();
      if (errors[i] != null) {
        Throwable err = errors[i];
        f.completeExceptionally(
            err instanceof RuntimeException
                ? err
                : new ProfileStoreException("store write failed: " + err.getMessage(), err));
      } else {
        f.complete(results[i]);
      }
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      queue.put(STOP);
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (AutoCloseable h : helpers) {
      try {
        h.close();
      } catch (Exception e) {
        // Closing anyway; a helper holds no state the connections need.
      }
    }
    allReaders.forEach(Database::closeQuietly);
    closeQuietly(writer); // last, so SQLite checkpoints the WAL into the database on close
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Closing anyway.
    }
  }
}
