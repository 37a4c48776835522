package io.mip.ledger.evm.internal;

import io.mip.ledger.Admission;
import io.mip.ledger.Operation;
import java.util.concurrent.CompletableFuture;

/**
 * One operation this node is writing to the chain, with the future its submitter waits on. The
 * future completes when the reader has replayed the operation (accepted, duplicate or rejected) or
 * exceptionally with a {@link io.mip.ledger.LedgerException} when it cannot be written.
 */
public final class Submission {
  private final Operation op;
  private final byte[] bytes;
  private final CompletableFuture<Admission> result = new CompletableFuture<>();

  /** Creates a submission for {@code op}. */
  public Submission(Operation op) {
    this.op = op;
    this.bytes = op.canonicalBytes();
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
