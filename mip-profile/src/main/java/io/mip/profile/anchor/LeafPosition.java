package io.mip.profile.anchor;

/**
 * Where an anchored leaf sits.
 *
 * @param batch the batch number
 * @param index the leaf's index in the batch's tree, from 0
 */
public record LeafPosition(long batch, int index) {
  /** Validates the numbers. */
  public LeafPosition {
    if (batch < 1 || index < 0) {
      throw new IllegalArgumentException("batch must be >= 1 and index >= 0");
    }
  }
}
