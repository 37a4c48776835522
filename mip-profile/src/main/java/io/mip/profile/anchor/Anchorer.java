package io.mip.profile.anchor;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.MerkleTree;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.profile.store.AnchorStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors queued leaves (record hashes and access-log entries) on the ledger: every {@code
 * maxLeaves} new leaves or every {@code interval}, whichever comes first, it builds an RFC 9162
 * Merkle tree over the oldest pending leaves (at most {@code maxLeaves}), appends the root in an
 * {@code anchor.batch} operation signed by the node key, and records the batch. Serves inclusion
 * proofs for anchored leaves.
 *
 * <p>The batch number comes from the ledger's anchor stream, so a crash between the ledger append
 * and the store update leaves an unused batch on the ledger, never a gap or a duplicate number; the
 * leaves stay pending and go into the next batch.
 */
public final class Anchorer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Anchorer.class);

  private final AnchorStore store;
  private final Ledger ledger;
  private final Ed25519PrivateKey nodeKey;
  private final int maxLeaves;
  private final Duration interval;
  private final AtomicInteger sinceLast = new AtomicInteger();
  private final Object signal = new Object();
  private Thread thread;
  private volatile boolean closed;

  /** Creates an anchorer; call {@link #start()} for the background schedule. */
  public Anchorer(
      AnchorStore store,
      Ledger ledger,
      Ed25519PrivateKey nodeKey,
      int maxLeaves,
      Duration interval) {
    this.store = Objects.requireNonNull(store, "store");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.nodeKey = Objects.requireNonNull(nodeKey, "nodeKey");
    this.interval = Objects.requireNonNull(interval, "interval");
    if (maxLeaves < 1 || maxLeaves > 100_000) {
      throw new IllegalArgumentException("maxLeaves must be 1 to 100,000");
    }
    this.maxLeaves = maxLeaves;
  }

  /** Starts the background thread that anchors on schedule. */
  public synchronized Anchorer start() {
    if (thread == null) {
      thread = new Thread(this::loop, "profile-anchorer");
      thread.setDaemon(true);
      thread.start();
    }
    return this;
  }

  /** Tells the anchorer a leaf was queued; wakes it when {@code maxLeaves} have accumulated. */
  public void leafQueued() {
    if (sinceLast.incrementAndGet() >= maxLeaves) {
      synchronized (signal) {
        signal.notifyAll();
      }
    }
  }

  private void loop() {
    while (!closed) {
      synchronized (signal) {
        try {
          if (sinceLast.get() < maxLeaves) {
            signal.wait(Math.max(1, interval.toMillis()));
          }
        } catch (InterruptedException e) {
          return;
        }
      }
      if (closed) {
        return;
      }
      try {
        while (anchorNow().map(b -> b.size() == maxLeaves).orElse(false)) {
          // A full batch: more may be waiting.
        }
      } catch (RuntimeException e) {
        LOG.warn("anchoring failed; leaves stay pending: {}", e.toString());
      }
    }
  }

  /** Anchors up to {@code maxLeaves} pending leaves now; empty if none were pending. */
  public synchronized Optional<AnchorBatch> anchorNow() {
    List<PendingLeaf> pending = store.pending(maxLeaves);
    sinceLast.set(0);
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    List<byte[]> leaves = new ArrayList<>(pending.size());
    List<Long> ids = new ArrayList<>(pending.size());
    for (PendingLeaf p : pending) {
      leaves.add(p.leaf());
      ids.add(p.id());
    }
    String root = Base64Url.encode(MerkleTree.root(leaves));
    String stream = AnchorOperations.streamOf(nodeKey.publicKey());
    Optional<LedgerEntry> head = ledger.head(stream);
    long seq = head.map(h -> h.operation().payload().path("batch").longValue() + 1).orElse(1L);
    Optional<OperationId> prev = head.map(h -> h.operation().id());
    Operation op = AnchorOperations.batch(seq, root, leaves.size(), prev, nodeKey);
    Admission admission = ledger.submit(op);
    if (!admission.admitted()) {
      throw new IllegalStateException(
          "ledger refused anchor batch " + seq + ": " + admission.rejection().detail());
    }
    AnchorBatch batch =
        new AnchorBatch(seq, root, leaves.size(), op.id(), admission.receipt().time());
    store.seal(batch, ids);
    return Optional.of(batch);
  }

  /** Returns the inclusion proof of an anchored leaf, or empty if it is not anchored yet. */
  public Optional<InclusionProof> proof(byte[] leaf) {
    Optional<LeafPosition> pos = store.position(leaf);
    if (pos.isEmpty()) {
      return Optional.empty();
    }
    Optional<AnchorBatch> batch = store.batch(pos.get().batch());
    if (batch.isEmpty()) {
      return Optional.empty();
    }
    List<byte[]> leaves = store.leaves(batch.get().seq());
    int index = pos.get().index();
    List<String> path = new ArrayList<>();
    MerkleTree.inclusionProof(leaves, index).forEach(h -> path.add(Base64Url.encode(h)));
    return Optional.of(
        new InclusionProof(
            Base64Url.encode(leaf),
            batch.get().seq(),
            index,
            leaves.size(),
            path,
            batch.get().root(),
            batch.get().operation()));
  }

  /** Stops the background thread (pending leaves stay queued for the next start). */
  @Override
  public void close() {
    closed = true;
    synchronized (signal) {
      signal.notifyAll();
    }
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
