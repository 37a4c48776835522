package io.mip.did.mip.internal;

import io.mip.did.ResolutionOptions;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipPolicy;
import io.mip.did.mip.DidMipState;
import io.mip.did.mip.DidState;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.Receipt;
import io.mip.ledger.Rejection;
import io.mip.ledger.Rejection.Reason;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The did:mip rules as a fold over a DID's stream: each operation is checked against the state
 * built from the operations before it, applied if it verifies and dropped otherwise. Admission
 * ({@link DidMipPolicy}) and resolution use this one class, so they cannot disagree.
 */
public final class DidMipChain {
  private final String did;
  private final List<DidMipState> versions = new ArrayList<>();
  private DidState state;
  private boolean deactivated;
  private int applied;
  private OperationId lastSeen;
  private int signingIndex;
  private int agreementIndex;
  private Instant created;

  private DidMipChain(String did) {
    this.did = did;
  }

  /** Replays operations without receipts (admission: the stream as it stands). */
  public static DidMipChain ofOperations(String did, List<Operation> ops) {
    DidMipChain chain = new DidMipChain(did);
    for (Operation op : ops) {
      if (op.stream().equals(did)) {
        chain.offer(op, null);
      }
    }
    return chain;
  }

  /** Replays ledger entries, recording every version. */
  public static DidMipChain ofEntries(String did, List<LedgerEntry> entries) {
    DidMipChain chain = new DidMipChain(did);
    for (LedgerEntry e : entries) {
      if (e.operation().stream().equals(did)) {
        chain.offer(e.operation(), e.receipt());
      }
    }
    chain.fixLatestHead();
    return chain;
  }

  /** Returns the versions, oldest first (only for {@link #ofEntries}). */
  public List<DidMipState> versions() {
    return List.copyOf(versions);
  }

  /** Returns whether a valid create has been applied. */
  public boolean exists() {
    return state != null;
  }

  /**
   * Checks {@code op} as the next operation of this stream; empty if it verifies. Codes: see {@link
   * DidMipPolicy}.
   */
  public Optional<Rejection> check(Operation op) {
    if (!op.stream().equals(did)) {
      return policy(DidMipPolicy.DID_MISMATCH, "operation is for stream " + op.stream());
    }
    if (!op.signatureValid()) {
      return Optional.of(Rejection.of(Reason.BAD_SIGNATURE, "signature does not verify"));
    }
    switch (op.type()) {
      case DidMipOperations.CREATE:
        return checkCreate(op);
      case DidMipOperations.UPDATE:
      case DidMipOperations.DEACTIVATE:
        return checkChange(op);
      default:
        return policy(DidMipPolicy.INVALID_DID_PAYLOAD, "unknown DID operation " + op.type());
    }
  }

  private Optional<Rejection> checkCreate(Operation op) {
    if (state != null) {
      return Optional.of(Rejection.of(Reason.BROKEN_CHAIN, did + " already exists"));
    }
    if (op.prev().isPresent()) {
      return policy(DidMipPolicy.INVALID_DID_PAYLOAD, "did.create must have prev null");
    }
    DidState s;
    try {
      s = Payloads.parseCreate(op.payload());
    } catch (IllegalArgumentException e) {
      return policy(DidMipPolicy.INVALID_DID_PAYLOAD, "did.create payload: " + e.getMessage());
    }
    String derived = DidMipIds.derive(op.payload());
    if (!derived.equals(op.stream())) {
      return policy(DidMipPolicy.DID_MISMATCH, "the create payload derives " + derived);
    }
    if (!op.signer().equals(s.signingKey())) {
      return policy(DidMipPolicy.UNAUTHORIZED_SIGNER, "did.create must be signed by signingKey");
    }
    return Optional.empty();
  }

  private Optional<Rejection> checkChange(Operation op) {
    if (state == null) {
      return policy(DidMipPolicy.NOT_FOUND, did + " does not exist");
    }
    if (deactivated) {
      return policy(DidMipPolicy.DID_DEACTIVATED, did + " is deactivated");
    }
    if (applied >= DidMipPolicy.MAX_OPERATIONS) {
      return policy(
          DidMipPolicy.TOO_MANY_OPERATIONS,
          did + " has reached " + DidMipPolicy.MAX_OPERATIONS + " operations");
    }
    if (!op.prev().equals(Optional.ofNullable(lastSeen))) {
      return Optional.of(Rejection.of(Reason.BROKEN_CHAIN, "prev is not the stream head"));
    }
    if (!op.signer().equals(state.signingKey())) {
      return policy(DidMipPolicy.UNAUTHORIZED_SIGNER, "not signed by the current signing key");
    }
    try {
      if (op.type().equals(DidMipOperations.UPDATE)) {
        Payloads.parseUpdate(op.payload());
      } else {
        Payloads.parseDeactivate(op.payload());
      }
    } catch (IllegalArgumentException e) {
      return policy(DidMipPolicy.INVALID_DID_PAYLOAD, op.type() + " payload: " + e.getMessage());
    }
    return Optional.empty();
  }

  private void offer(Operation op, Receipt receipt) {
    if (check(op).isEmpty()) {
      apply(op, receipt);
    }
    lastSeen = op.id();
  }

  private void apply(Operation op, Receipt receipt) {
    Instant time = receipt == null ? null : receipt.time();
    switch (op.type()) {
      case DidMipOperations.CREATE -> {
        state = Payloads.parseCreate(op.payload());
        signingIndex = 1;
        agreementIndex = 1;
        created = time;
      }
      case DidMipOperations.UPDATE -> {
        DidState next = Payloads.parseUpdate(op.payload());
        if (!next.signingKey().equals(state.signingKey())) {
          signingIndex++;
        }
        if (!next.agreementKey().equals(state.agreementKey())) {
          agreementIndex++;
        }
        state = next;
      }
      default -> deactivated = true;
    }
    applied++;
    if (receipt != null) {
      versions.add(snapshot(time, op.id(), op.id()));
    }
  }

  private DidMipState snapshot(Instant updated, OperationId versionId, OperationId head) {
    return new DidMipState(
        did,
        state.signingKey(),
        state.agreementKey(),
        state.services(),
        deactivated,
        created,
        updated,
        versionId,
        applied,
        signingIndex,
        agreementIndex,
        head);
  }

  private void fixLatestHead() {
    if (!versions.isEmpty() && !versions.get(versions.size() - 1).head().equals(lastSeen)) {
      DidMipState last = versions.remove(versions.size() - 1);
      versions.add(
          new DidMipState(
              last.did(),
              last.signingKey(),
              last.agreementKey(),
              last.services(),
              last.deactivated(),
              last.created(),
              last.updated(),
              last.versionId(),
              last.versionSequence(),
              last.signingKeyIndex(),
              last.agreementKeyIndex(),
              lastSeen));
    }
  }

  /** The version the options select, and the one after it. */
  public record Selection(Optional<DidMipState> selected, Optional<DidMipState> next) {}

  /**
   * Selects a version: the latest, the last with {@code updated} at or before {@code versionTime}
   * (both truncated to whole seconds), or the one with that {@code versionId}. Both options at once
   * select nothing.
   */
  public Selection select(ResolutionOptions options) {
    int index = -1;
    if (options.versionId().isPresent() && options.versionTime().isPresent()) {
      index = -1;
    } else if (options.versionId().isPresent()) {
      String id = options.versionId().get();
      for (int i = 0; i < versions.size(); i++) {
        if (versions.get(i).versionId().value().equals(id)) {
          index = i;
        }
      }
    } else if (options.versionTime().isPresent()) {
      Instant t = options.versionTime().get().truncatedTo(ChronoUnit.SECONDS);
      for (int i = 0; i < versions.size(); i++) {
        if (!versions.get(i).updated().truncatedTo(ChronoUnit.SECONDS).isAfter(t)) {
          index = i;
        }
      }
    } else {
      index = versions.size() - 1;
    }
    if (index < 0) {
      return new Selection(Optional.empty(), Optional.empty());
    }
    Optional<DidMipState> next =
        index + 1 < versions.size() ? Optional.of(versions.get(index + 1)) : Optional.empty();
    return new Selection(Optional.of(versions.get(index)), next);
  }

  private static Optional<Rejection> policy(String code, String detail) {
    return Optional.of(Rejection.policy(code, detail));
  }
}
