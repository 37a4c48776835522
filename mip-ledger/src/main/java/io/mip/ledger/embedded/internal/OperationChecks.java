package io.mip.ledger.embedded.internal;

import io.mip.ledger.MalformedOperationException;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The per-operation half of chain verification, pipelined: stored rows are parsed, matched against
 * their stored id and stream, and signature-checked on worker threads in chunks, while the caller
 * keeps reading; each chunk's results are then applied in sequence order to check every stream's
 * chain ({@code prev} equals the head so far). The first failure by sequence is reported.
 */
final class OperationChecks implements AutoCloseable {
  private static final int CHUNK = 1024;
  private static final int MAX_IN_FLIGHT = 8;

  /** One stored operation row. */
  record Row(long height, long seq, String id, String stream, byte[] canonical) {}

  /** A failure found in a stored operation. */
  record Failure(long height, String problem) {}

  private record Checked(Row row, Operation op, String problem) {}

  private final ExecutorService pool;
  private final Deque<Future<List<Checked>>> inFlight = new ArrayDeque<>();
  private final Map<String, OperationId> heads = new HashMap<>();
  private List<Row> chunk = new ArrayList<>(CHUNK);
  private long verified;

  OperationChecks() {
    int n = Math.max(1, Runtime.getRuntime().availableProcessors());
    pool =
        Executors.newFixedThreadPool(
            n,
            r -> {
              Thread t = new Thread(r, "mip-ledger-verify");
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues a row; returns the first failure found so far, if any. */
  Optional<Failure> add(Row row) {
    chunk.add(row);
    if (chunk.size() < CHUNK) {
      return Optional.empty();
    }
    flushChunk();
    while (inFlight.size() > MAX_IN_FLIGHT || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
      Optional<Failure> f = applyOldest();
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }

  /** Waits for every queued row; returns the first failure by sequence, if any. */
  Optional<Failure> finish() {
    flushChunk();
    while (!inFlight.isEmpty()) {
      Optional<Failure> f = applyOldest();
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }

  /** Operations that passed every check. */
  long verified() {
    return verified;
  }

  /** Each stream's last operation (complete after {@link #finish} found nothing). */
  Map<String, OperationId> heads() {
    return heads;
  }

  private void flushChunk() {
    if (chunk.isEmpty()) {
      return;
    }
    List<Row> rows = chunk;
    chunk = new ArrayList<>(CHUNK);
    inFlight.add(pool.submit(() -> check(rows)));
  }

  private Optional<Failure> applyOldest() {
    List<Checked> done;
    try {
      done = inFlight.poll().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while verifying operations", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("operation check failed", e.getCause());
    }
    for (Checked c : done) {
      Row r = c.row();
      if (c.problem() != null) {
        return Optional.of(new Failure(r.height(), "operation " + r.seq() + ": " + c.problem()));
      }
      Operation op = c.op();
      if (!op.prev().equals(Optional.ofNullable(heads.get(op.stream())))) {
        return Optional.of(
            new Failure(
                r.height(),
                "operation " + r.seq() + ": prev is not the head of stream " + op.stream()));
      }
      heads.put(op.stream(), op.id());
      verified++;
    }
    return Optional.empty();
  }

  private static List<Checked> check(List<Row> rows) {
    List<Checked> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(check(r));
    }
    return out;
  }

  private static Checked check(Row r) {
    Operation op;
    try {
      op = Operation.parse(r.canonical());
    } catch (MalformedOperationException e) {
      return new Checked(r, null, e.getMessage());
    }
    if (!Arrays.equals(op.canonicalBytes(), r.canonical())) {
      return new Checked(r, null, "not stored in canonical form");
    }
    if (!op.id().value().equals(r.id()) || !op.stream().equals(r.stream())) {
      return new Checked(r, null, "stored id or stream does not match its bytes");
    }
    if (!op.signatureValid()) {
      return new Checked(r, null, "signature does not verify");
    }
    return new Checked(r, op, null);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
