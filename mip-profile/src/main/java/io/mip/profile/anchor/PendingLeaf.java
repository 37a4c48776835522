package io.mip.profile.anchor;

/**
 * A leaf waiting for the next batch.
 *
 * @param id the store's row id (batches take leaves in id order)
 * @param leaf the leaf bytes ({@link Leaves})
 */
public record PendingLeaf(long id, byte[] leaf) {
  /** Copies the leaf. */
  public PendingLeaf {
    leaf = leaf.clone();
  }

  @Override
  public byte[] leaf() {
    return leaf.clone();
  }
}
