package io.mip.ledger.embedded.internal;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.MerkleTree;
import io.mip.ledger.Admission;
import io.mip.ledger.LedgerException;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.OperationPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The single writer: drains up to {@link #MAX_BATCH} queued submissions, checks each in order
 * against the chain as it stands (counting earlier ones of the batch), writes the admitted ones as
 * one block in one transaction, commits (synced), and only then completes the callers' futures.
 */
public final class Writer implements AutoCloseable {
  /** Most operations sealed into one block. */
  public static final int MAX_BATCH = 2000;

  /** Queued operations may hold at most this many KiB (each counts at least 1 KiB). */
  private static final int QUEUE_KIB = 256 * 1024;

  /** A queued operation with its signature already checked by the submitting thread. */
  record Submission(Operation op, boolean signatureValid, CompletableFuture<Admission> result) {
    int kib() {
      return Math.max(1, (op.size() + 1023) / 1024);
    }
  }

  private final BlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
  private final Semaphore room = new Semaphore(QUEUE_KIB);
  private final Connection conn;
  private final Ed25519PrivateKey nodeKey;
  private final List<OperationPolicy> policies;
  private final Clock clock;
  private final Map<String, OperationId> heads;
  private final Admissions checks;
  private final Thread thread;
  private volatile long height;
  private volatile long size;
  private volatile boolean closed;
  private volatile boolean stopped;
  private volatile boolean broken;
  private String lastHash;
  private Instant lastTime;

  /** Starts the writer thread on a verified chain. */
  public Writer(
      Connection conn,
      ChainState state,
      Ed25519PrivateKey nodeKey,
      List<OperationPolicy> policies,
      Clock clock) {
    this.conn = conn;
    this.nodeKey = nodeKey;
    this.policies = List.copyOf(policies);
    this.clock = clock;
    this.heads = new HashMap<>(state.heads());
    this.height = state.height();
    this.size = state.size();
    this.lastHash = state.lastHash();
    this.lastTime = state.lastTime();
    this.checks = new Admissions(conn, this.policies, heads);
    this.thread = new Thread(this::loop, "mip-ledger-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues an operation; the future completes after its block is committed, or fails. */
  public CompletableFuture<Admission> submit(Operation op, boolean signatureValid) {
    if (closed) {
      throw new LedgerException("ledger is closed");
    }
    CompletableFuture<Admission> f = new CompletableFuture<>();
    Submission s = new Submission(op, signatureValid, f);
    try {
      room.acquire(s.kib());
      queue.add(s);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerException("interrupted while queueing an operation", e);
    }
    if (stopped) {
      failQueued();
    }
    return f;
  }

  /** Returns the newest block's height. */
  public long height() {
    return height;
  }

  /** Returns the number of admitted operations. */
  public long size() {
    return size;
  }

  private void loop() {
    List<Submission> batch = new ArrayList<>(MAX_BATCH);
    try {
      while (!closed) {
        Submission first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        try {
          process(batch);
        } catch (RuntimeException | Error e) {
          for (Submission s : batch) {
            s.result().completeExceptionally(new LedgerException("ledger writer failed", e));
          }
          throw e;
        } finally {
          for (Submission s : batch) {
            room.release(s.kib());
          }
          batch.clear();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopped = true;
      failQueued();
    }
  }

  private void failQueued() {
    Submission s;
    while ((s = queue.poll()) != null) {
      s.result().completeExceptionally(new LedgerException("ledger is closed"));
      room.release(s.kib());
    }
  }

  private void process(List<Submission> batch) {
    if (broken) {
      for (Submission s : batch) {
        s.result()
            .completeExceptionally(
                new LedgerException("ledger writer stopped after a storage failure; reopen it"));
      }
      return;
    }
    long nextHeight = height + 1;
    Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (time.isBefore(lastTime)) {
      time = lastTime;
    }
    Admissions.Batch b = checks.newBatch(size, nextHeight, time);
    Admission[] results = new Admission[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      Submission s = batch.get(i);
      try {
        results[i] = b.check(s.op(), s.signatureValid());
      } catch (RuntimeException e) {
        s.result().completeExceptionally(new LedgerException("admission check failed", e));
      }
    }
    if (!b.admitted().isEmpty()) {
      BlockHeader header = header(b.admitted(), nextHeight, time);
      try {
        Blocks.write(conn, size + 1, b.admitted(), header, nodeKey);
      } catch (SQLException | RuntimeException e) {
        rollback();
        Optional<Boolean> stored = Blocks.storedAnyway(conn, header);
        if (stored.isEmpty()) {
          broken = true;
        }
        if (!stored.orElse(false)) {
          for (int i = 0; i < batch.size(); i++) {
            if (results[i] != null && results[i].status() == Admission.Status.REJECTED) {
              batch.get(i).result().complete(results[i]);
            } else {
              batch
                  .get(i)
                  .result()
                  .completeExceptionally(new LedgerException("ledger write failed", e));
            }
          }
          return;
        }
      }
      lastHash = header.hash();
      heads.putAll(b.newHeads());
      size += b.admitted().size();
      height = nextHeight;
      lastTime = time;
    }
    for (int i = 0; i < batch.size(); i++) {
      if (results[i] != null) {
        batch.get(i).result().complete(results[i]);
      }
    }
  }

  private BlockHeader header(List<Operation> ops, long h, Instant time) {
    List<byte[]> leaves = new ArrayList<>(ops.size());
    for (Operation op : ops) {
      leaves.add(op.canonicalBytes());
    }
    String root = Base64Url.encode(MerkleTree.root(leaves));
    return new BlockHeader(h, lastHash, time, root, ops.size(), nodeKey.publicKey(), null);
  }

  private void rollback() {
    try {
      conn.rollback();
      conn.setAutoCommit(true);
    } catch (SQLException e) {
      // the connection is unusable; the next write fails and reports it
    }
  }

  /** Stops taking submissions, finishes the batch in hand, fails the rest, and waits. */
  @Override
  public void close() {
    closed = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    failQueued();
  }
}
