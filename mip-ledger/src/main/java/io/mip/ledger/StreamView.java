package io.mip.ledger;

import java.util.List;
import java.util.Optional;

/** A read-only view of one stream as it stands when a policy is consulted. */
public interface StreamView {
  /** The stream id. */
  String streamId();

  /** The admitted operations of the stream in order (empty for a new stream). */
  List<Operation> operations();

  /** The last admitted operation, if any. */
  default Optional<Operation> head() {
    List<Operation> ops = operations();
    return ops.isEmpty() ? Optional.empty() : Optional.of(ops.get(ops.size() - 1));
  }
}
