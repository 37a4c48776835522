package io.mip.ledger.evm.internal;

import io.mip.ledger.Admission;
import io.mip.ledger.Operation;
import java.util.concurrent.CompletableFuture;

/**
 * One operation this node is writing to the chain, with the future its submitter waits on. The
 * future completes when the reader has replayed the operation (accepted, duplicate or rejected) or
 * exceptionally with a {@link io.mip.ledger.LedgerException} when it cannot be written.
 *
 * <p>{@link #order()} is the node's submission order: the sender always sends queued submissions in
 * that order, so an operation is never sent before an earlier one of this node that it may chain
 * on, even when operations are re-sent after a lost transaction or a reorganisation.
 */
public final class Submission {
  private final Operation op;
  private final long order;
  private final byte[] bytes;
  private final CompletableFuture<Admission> result = new CompletableFuture<>();

  /** Creates a submission for {@code op}, {@code order} its place in this node's submissions. */
  public Submission(Operation op, long order) {
    this.op = op;
    this.order = order;
    this.bytes = op.canonicalBytes();
  }

  /** The place of this operation in this node's submission order. */
  public long order() {
    return order;
  }

  /** The operation. */
  public Operation op() {
    return op;
  }

  /** Its canonical bytes, as written into the transaction. Not copied: do not modify. */
  byte[] bytes() {
    return bytes;
  }

  /** The future the submitter waits on. */
  public CompletableFuture<Admission> result() {
    return result;
  }

  /** Whether the outcome is known. */
  public boolean done() {
    return result.isDone();
  }
}
