package io.mip.ledger.evm.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * A chain block as the reader saw it.
 *
 * @param number the block number
 * @param hash the block hash, 0x-prefixed hex
 * @param parentHash the parent block's hash, 0x-prefixed hex
 * @param time the block timestamp
 */
public record ChainBlock(long number, String hash, String parentHash, Instant time) {
  /** Checks nulls. */
  public ChainBlock {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(time, "time");
  }
}
