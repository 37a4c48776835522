package io.mip.profile.store;

import io.mip.profile.anchor.AnchorBatch;
import io.mip.profile.anchor.LeafPosition;
import io.mip.profile.anchor.PendingLeaf;
import java.util.List;
import java.util.Optional;

/**
 * Leaves waiting to be anchored and the batches that anchored them. Part of a {@link ProfileStore}.
 */
public interface AnchorStore {
  /** Returns up to {@code limit} leaves not yet in a batch, oldest first. */
  List<PendingLeaf> pending(int limit);

  /** Records {@code batch} and assigns {@code leafIds} to it at indexes 0..n-1, atomically. */
  void seal(AnchorBatch batch, List<Long> leafIds);

  /** Returns the newest batch. */
  Optional<AnchorBatch> last();

  /** Returns a batch by number. */
  Optional<AnchorBatch> batch(long seq);

  /** Returns a batch's leaves in index order. */
  List<byte[]> leaves(long seq);

  /** Returns where a leaf was anchored, if it was. */
  Optional<LeafPosition> position(byte[] leaf);
}
