package io.mip.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A block: an ordered batch of operations sealed by the node that wrote it.
 *
 * @param height 0 for the genesis block, then +1 per block
 * @param previousHash base64url SHA-256 of the previous block's header; 43 'A's for genesis
 * @param time when the block was sealed
 * @param merkleRoot base64url RFC 9162 Merkle root over the operations' canonical bytes
 * @param operations the ids of the block's operations, in order
 * @param hash base64url SHA-256 over the block header's JCS form
 * @param signer multibase Ed25519 key of the node that sealed it
 * @param signature base64url Ed25519 signature over the header hash bytes
 */
public record Block(
    long height,
    String previousHash,
    Instant time,
    String merkleRoot,
    List<OperationId> operations,
    String hash,
    String signer,
    String signature) {
  /** Copies the list and checks nulls. */
  public Block {
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(merkleRoot, "merkleRoot");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(signature, "signature");
    operations = List.copyOf(operations);
    if (height < 0) {
      throw new IllegalArgumentException("block height must be >= 0");
    }
  }
}
