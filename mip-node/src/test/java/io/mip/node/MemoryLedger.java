package io.mip.node;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.ledger.Admission;
import io.mip.ledger.Block;
import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.Receipt;
import io.mip.ledger.Rejection;
import io.mip.ledger.StreamView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small in-memory ledger (one block per operation) for HTTP-layer tests. */
final class MemoryLedger implements Ledger {
  private static final String ZERO = "A".repeat(43);
  private final List<OperationPolicy> policies;
  private final List<LedgerEntry> all = new ArrayList<>();
  private final Map<OperationId, LedgerEntry> byId = new HashMap<>();
  private final Map<String, List<LedgerEntry>> streams = new HashMap<>();
  private final Ed25519PublicKey governance = Ed25519PrivateKey.generate().publicKey();

  MemoryLedger(List<OperationPolicy> policies) {
    this.policies = List.copyOf(policies);
  }

  @Override
  public synchronized Admission submit(Operation op) {
    LedgerEntry known = byId.get(op.id());
    if (known != null) {
      return Admission.duplicate(known.receipt());
    }
    if (!op.signatureValid()) {
      return Admission.rejected(Rejection.of(Rejection.Reason.BAD_SIGNATURE, "bad signature"));
    }
    List<LedgerEntry> s = streams.getOrDefault(op.stream(), List.of());
    Optional<OperationId> head =
        s.isEmpty() ? Optional.empty() : Optional.of(s.get(s.size() - 1).operation().id());
    if (!op.prev().equals(head)) {
      return Admission.rejected(Rejection.of(Rejection.Reason.BROKEN_CHAIN, "prev is not head"));
    }
    StreamView view =
        new StreamView() {
          @Override
          public String streamId() {
            return op.stream();
          }

          @Override
          public List<Operation> operations() {
            return s.stream().map(LedgerEntry::operation).toList();
          }
        };
    for (OperationPolicy p : policies) {
      if (p.appliesTo(op.type())) {
        Optional<Rejection> r = p.check(op, view);
        if (r.isPresent()) {
          return Admission.rejected(r.get());
        }
      }
    }
    Receipt receipt = new Receipt(op.id(), all.size() + 1L, all.size() + 1L, Instant.now());
    LedgerEntry entry = new LedgerEntry(op, receipt);
    all.add(entry);
    byId.put(op.id(), entry);
    streams.computeIfAbsent(op.stream(), k -> new ArrayList<>()).add(entry);
    return Admission.accepted(receipt);
  }

  @Override
  public synchronized List<Admission> submitAll(List<Operation> ops) {
    return ops.stream().map(this::submit).toList();
  }

  @Override
  public synchronized List<LedgerEntry> stream(String streamId) {
    return List.copyOf(streams.getOrDefault(streamId, List.of()));
  }

  @Override
  public synchronized Optional<LedgerEntry> find(OperationId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<LedgerEntry> head(String streamId) {
    List<LedgerEntry> s = stream(streamId);
    return s.isEmpty() ? Optional.empty() : Optional.of(s.get(s.size() - 1));
  }

  @Override
  public synchronized List<LedgerEntry> since(long afterSequence, int limit) {
    return all.stream().skip(afterSequence).limit(limit).toList();
  }

  @Override
  public synchronized long size() {
    return all.size();
  }

  @Override
  public synchronized long height() {
    return all.size();
  }

  @Override
  public synchronized Optional<Block> block(long height) {
    if (height < 0 || height > all.size()) {
      return Optional.empty();
    }
    List<OperationId> ops =
        height == 0 ? List.of() : List.of(all.get((int) height - 1).receipt().id());
    return Optional.of(
        new Block(height, ZERO, Instant.EPOCH, ZERO, ops, ZERO, governance.toMultibase(), "sig"));
  }

  @Override
  public Ed25519PublicKey governanceKey() {
    return governance;
  }

  @Override
  public void close() {}
}
