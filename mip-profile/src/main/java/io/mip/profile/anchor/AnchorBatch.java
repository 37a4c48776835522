package io.mip.profile.anchor;

import io.mip.ledger.OperationId;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One anchored batch: an RFC 9162 Merkle tree over record and access-log leaves whose root the node
 * appended to the ledger in an {@code anchor.batch} operation.
 *
 * @param seq the batch number, 1 for the node's first batch
 * @param root base64url Merkle tree hash
 * @param size number of leaves
 * @param operation the admitted {@code anchor.batch} operation
 * @param time when the batch was sealed
 */
public record AnchorBatch(long seq, String root, int size, OperationId operation, Instant time) {
  private static final Pattern HASH = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** Validates the fields. */
  public AnchorBatch {
    if (seq < 1 || size < 1) {
      throw new IllegalArgumentException("batch seq and size must be positive");
    }
    if (root == null || !HASH.matcher(root).matches()) {
      throw new IllegalArgumentException("root must be a base64url SHA-256");
    }
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(time, "time");
  }
}
