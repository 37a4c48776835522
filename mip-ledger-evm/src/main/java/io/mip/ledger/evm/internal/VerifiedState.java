package io.mip.ledger.evm.internal;

import io.mip.crypto.Base64Url;
import io.mip.crypto.MerkleTree;
import io.mip.ledger.Admission;
import io.mip.ledger.Block;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.Policies;
import io.mip.ledger.Receipt;
import io.mip.ledger.Rejection;
import io.mip.ledger.StreamView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.utils.Numeric;

/**
 * The verified state a reader builds by replaying {@code Appended} events: the operations that
 * passed verification, in replay order, with their receipts. Not thread-safe; the ledger guards it
 * with its lock.
 *
 * <p>The checks are the embedded backend's, in the same order: signature, then stream chain ({@code
 * prev} must be the head; when it is not, an operation already admitted is an exact duplicate),
 * then the policies through {@link io.mip.ledger.Policies#check} (stream ownership, then every
 * policy whose {@code appliesTo(type)} is true). So the same event log yields the same state on
 * every node and on both backends.
 */
final class VerifiedState {
  private final List<OperationPolicy> policies;
  private final List<LedgerEntry> entries = new ArrayList<>();
  private final Map<OperationId, LedgerEntry> byId = new HashMap<>();
  private final Map<String, List<LedgerEntry>> streams = new HashMap<>();
  private final Map<Long, ChainBlock> blocks = new HashMap<>();
  private final Map<Long, List<LedgerEntry>> blockEntries = new HashMap<>();

  /** Creates an empty state that applies {@code policies}. */
  VerifiedState(List<OperationPolicy> policies) {
    this.policies = List.copyOf(policies);
  }

  /**
   * Checks {@code op} against this state plus {@code pending}, operations of its stream that this
   * node sent and the chain has not yet ordered. Returns the admission the operation would get
   * (ACCEPTED carries a placeholder receipt and must not be handed out).
   */
  public Admission check(Operation op, boolean signatureValid, List<Operation> pending) {
    if (!signatureValid) {
      return Admission.rejected(
          Rejection.of(Rejection.Reason.BAD_SIGNATURE, "signature does not verify for signer"));
    }
    String stream = op.stream();
    OperationId head = pending.isEmpty() ? headId(stream) : pending.get(pending.size() - 1).id();
    OperationId prev = op.prev().orElse(null);
    if (prev == null ? head != null : !prev.equals(head)) {
      LedgerEntry original = byId.get(op.id());
      if (original != null) {
        return Admission.duplicate(original.receipt());
      }
      return Admission.rejected(
          Rejection.of(
              Rejection.Reason.BROKEN_CHAIN,
              "prev "
                  + (prev == null ? "null" : prev.value())
                  + " is not the head "
                  + (head == null ? "null (new stream)" : head.value())
                  + " of stream "
                  + stream));
    }
    Optional<Rejection> refused = Policies.check(policies, op, () -> view(stream, pending));
    if (refused.isPresent()) {
      return Admission.rejected(refused.get());
    }
    return Admission.accepted(new Receipt(op.id(), 1, 0, java.time.Instant.EPOCH));
  }

  /**
   * Replays one operation from the chain: verifies it and, when it passes, appends it with the next
   * sequence number in {@code block}.
   */
  public Admission apply(Operation op, boolean signatureValid, ChainBlock block) {
    Admission verdict = check(op, signatureValid, List.of());
    if (verdict.status() != Admission.Status.ACCEPTED) {
      return verdict;
    }
    Receipt receipt = new Receipt(op.id(), entries.size() + 1L, block.number(), block.time());
    LedgerEntry entry = new LedgerEntry(op, receipt);
    entries.add(entry);
    byId.put(op.id(), entry);
    streams.computeIfAbsent(op.stream(), k -> new ArrayList<>()).add(entry);
    blocks.putIfAbsent(block.number(), block);
    blockEntries.computeIfAbsent(block.number(), k -> new ArrayList<>()).add(entry);
    return Admission.accepted(receipt);
  }

  /**
   * Forgets every operation replayed from a block above {@code toBlock} (the chain reorganised
   * there) and returns them in replay order. Later replays number from where the state now ends.
   */
  public List<LedgerEntry> truncate(long toBlock) {
    int keep = entries.size();
    while (keep > 0 && entries.get(keep - 1).receipt().blockHeight() > toBlock) {
      keep--;
    }
    List<LedgerEntry> removed = new ArrayList<>(entries.subList(keep, entries.size()));
    entries.subList(keep, entries.size()).clear();
    for (int i = removed.size() - 1; i >= 0; i--) {
      LedgerEntry e = removed.get(i);
      byId.remove(e.operation().id());
      List<LedgerEntry> s = streams.get(e.operation().stream());
      s.remove(s.size() - 1);
      if (s.isEmpty()) {
        streams.remove(e.operation().stream());
      }
    }
    blocks.keySet().removeIf(n -> n > toBlock);
    blockEntries.keySet().removeIf(n -> n > toBlock);
    return removed;
  }

  private OperationId headId(String stream) {
    List<LedgerEntry> s = streams.get(stream);
    return s == null ? null : s.get(s.size() - 1).operation().id();
  }

  private StreamView view(String stream, List<Operation> pending) {
    return new StreamView() {
      @Override
      public String streamId() {
        return stream;
      }

      @Override
      public List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        for (LedgerEntry e : streams.getOrDefault(stream, List.of())) {
          all.add(e.operation());
        }
        all.addAll(pending);
        return List.copyOf(all);
      }
    };
  }

  /** The admitted operations of a stream, in order. */
  public List<LedgerEntry> stream(String streamId) {
    return List.copyOf(streams.getOrDefault(streamId, List.of()));
  }

  /** An admitted operation by id. */
  public Optional<LedgerEntry> find(OperationId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The last admitted operation of a stream. */
  public Optional<LedgerEntry> head(String streamId) {
    List<LedgerEntry> s = streams.get(streamId);
    return s == null ? Optional.empty() : Optional.of(s.get(s.size() - 1));
  }

  /** Admitted operations with sequence above {@code after}, at most {@code limit}. */
  public List<LedgerEntry> since(long after, int limit) {
    if (limit <= 0 || after >= entries.size()) {
      return List.of();
    }
    int from = (int) Math.max(0, after);
    return List.copyOf(entries.subList(from, (int) Math.min(entries.size(), from + (long) limit)));
  }

  /** The number of admitted operations. */
  public long size() {
    return entries.size();
  }

  /**
   * The chain block at {@code number} as a {@link Block}, when it holds admitted operations: the
   * chain's own block and parent hashes (base64url of the 32 bytes), the RFC 9162 Merkle root of
   * the admitted operations' canonical bytes, and empty signer and signature, since the chain's
   * consensus (not an Ed25519 node key) seals it.
   */
  public Optional<Block> block(long number) {
    ChainBlock b = blocks.get(number);
    if (b == null) {
      return Optional.empty();
    }
    List<byte[]> leaves = new ArrayList<>();
    List<OperationId> ids = new ArrayList<>();
    for (LedgerEntry e : blockEntries.get(number)) {
      leaves.add(e.operation().canonicalBytes());
      ids.add(e.operation().id());
    }
    return Optional.of(
        new Block(
            number,
            Base64Url.encode(Numeric.hexStringToByteArray(b.parentHash())),
            b.time(),
            Base64Url.encode(MerkleTree.root(leaves)),
            ids,
            Base64Url.encode(Numeric.hexStringToByteArray(b.hash())),
            "",
            ""));
  }
}
