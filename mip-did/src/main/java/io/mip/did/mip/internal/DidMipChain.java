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
 *
 * <p>Not thread-safe; {@link ChainCache} guards shared instances.
 */
public final class DidMipChain {
  private final String did;
  private final List<DidMipState> versions = new ArrayList<>();
  private DidState state;
  private boolean deactivated;
  private int applied;
  private int consumed;
  private OperationId lastSeen;
  private int signingIndex;
  private int agreementIndex;
  private Instant created;

  private DidMipChain(String did) {
    this.did = did;
  }

  /** An empty chain for {@code did}. */
  public static DidMipChain start(String did) {
    return new DidMipChain(did);
  }

  /** Replays operations without receipts (admission: the stream as it stands). */
  public static DidMipChain ofOperations(String did, List<Operation> ops) {
    DidMipChain chain = new DidMipChain(did);
    ops.forEach(chain::append);
    return chain;
  }

  /** Replays ledger entries, recording every version. */
  public static DidMipChain ofEntries(String did, List<LedgerEntry> entries) {
    DidMipChain chain = new DidMipChain(did);
    entries.forEach(chain::append);
    return chain;
  }

  /** Feeds the stream's next operation (no receipt: no version is recorded). */
  public void append(Operation op) {
    offer(op, null);
  }

  /** Feeds the stream's next entry, recording a version if it applies. */
  public void append(LedgerEntry entry) {
    offer(entry.operation(), entry.receipt());
  }

  /** Returns how many stream items have been fed. */
  public int consumed() {
    return consumed;
  }

  /** Returns the id of the last operation fed, if any. */
  public Optional<OperationId> lastSeen() {
    return Optional.ofNullable(lastSeen);
  }

  /** Returns the versions, oldest first (only those fed as entries). */
  public List<DidMipState> versions() {
    return List.copyOf(versions);
  }

  /**
   * Checks {@code op} as the next operation of this stream; empty if it verifies. Codes: see {@link
   * DidMipPolicy}.
   */
  public Optional<Rejection> check(Operation op) {
    return verdict(op).rejection();
  }

  private record Verdict(Optional<Rejection> rejection, DidState next) {
    static Verdict refuse(Rejection r) {
      return new Verdict(Optional.of(r), null);
    }

    static Verdict policy(String code, String detail) {
      return refuse(Rejection.policy(code, detail));
    }
  }

  private Verdict verdict(Operation op) {
    if (!op.stream().equals(did)) {
      return Verdict.policy(DidMipPolicy.DID_MISMATCH, "operation is for stream " + op.stream());
    }
    if (!op.signatureValid()) {
      return Verdict.refuse(Rejection.of(Reason.BAD_SIGNATURE, "signature does not verify"));
    }
    return switch (op.type()) {
      case DidMipOperations.CREATE -> verdictCreate(op);
      case DidMipOperations.UPDATE, DidMipOperations.DEACTIVATE -> verdictChange(op);
      default -> Verdict.policy(DidMipPolicy.INVALID_DID_PAYLOAD, "unknown type " + op.type());
    };
  }

  private Verdict verdictCreate(Operation op) {
    if (state != null) {
      return Verdict.refuse(Rejection.of(Reason.BROKEN_CHAIN, did + " already exists"));
    }
    if (op.prev().isPresent()) {
      return Verdict.policy(DidMipPolicy.INVALID_DID_PAYLOAD, "did.create must have prev null");
    }
    DidState s;
    try {
      s = Payloads.parseCreate(op.payload());
    } catch (IllegalArgumentException e) {
      return Verdict.policy(DidMipPolicy.INVALID_DID_PAYLOAD, "did.create: " + e.getMessage());
    }
    String derived = DidMipIds.derive(op.payload());
    if (!derived.equals(op.stream())) {
      return Verdict.policy(DidMipPolicy.DID_MISMATCH, "the create payload derives " + derived);
    }
    if (!op.signer().equals(s.signingKey())) {
      return Verdict.policy(
          DidMipPolicy.UNAUTHORIZED_SIGNER, "did.create must be signed by its signingKey");
    }
    return new Verdict(Optional.empty(), s);
  }

  private Verdict verdictChange(Operation op) {
    if (state == null) {
      return Verdict.policy(DidMipPolicy.NOT_FOUND, did + " does not exist");
    }
    if (deactivated) {
      return Verdict.policy(DidMipPolicy.DID_DEACTIVATED, did + " is deactivated");
    }
    if (applied >= DidMipPolicy.MAX_OPERATIONS) {
      return Verdict.policy(
          DidMipPolicy.TOO_MANY_OPERATIONS,
          did + " has reached " + DidMipPolicy.MAX_OPERATIONS + " operations");
    }
    if (!op.prev().equals(Optional.ofNullable(lastSeen))) {
      return Verdict.refuse(Rejection.of(Reason.BROKEN_CHAIN, "prev is not the stream head"));
    }
    if (!op.signer().equals(state.signingKey())) {
      return Verdict.policy(
          DidMipPolicy.UNAUTHORIZED_SIGNER, "not signed by the current signing key");
    }
    try {
      if (op.type().equals(DidMipOperations.UPDATE)) {
        return new Verdict(Optional.empty(), Payloads.parseUpdate(op.payload(), state));
      }
      Payloads.parseDeactivate(op.payload());
      return new Verdict(Optional.empty(), state);
    } catch (IllegalArgumentException e) {
      return Verdict.policy(DidMipPolicy.INVALID_DID_PAYLOAD, op.type() + ": " + e.getMessage());
    }
  }

  private void offer(Operation op, Receipt receipt) {
    Verdict v = verdict(op);
    if (v.rejection().isEmpty()) {
      apply(op, v.next(), receipt);
    }
    lastSeen = op.id();
    consumed++;
  }

  private void apply(Operation op, DidState next, Receipt receipt) {
    Instant time = receipt == null ? null : receipt.time();
    switch (op.type()) {
      case DidMipOperations.CREATE -> {
        signingIndex = 1;
        agreementIndex = 1;
        created = time;
      }
      case DidMipOperations.UPDATE -> {
        if (!next.signingKey().equals(state.signingKey())) {
          signingIndex++;
        }
        if (!next.agreementKey().equals(state.agreementKey())) {
          agreementIndex++;
        }
      }
      default -> deactivated = true;
    }
    state = next;
    applied++;
    if (receipt != null && created != null) {
      versions.add(snapshot(time, op.id()));
    }
  }

  private DidMipState snapshot(Instant updated, OperationId versionId) {
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
        versionId);
  }

  /** The version the options select, and the one after it. */
  public record Selection(Optional<DidMipState> selected, Optional<DidMipState> next) {}

  /**
   * Selects a version: the latest, the last with {@code updated} at or before {@code versionTime}
   * (both truncated to whole seconds), or the one with that {@code versionId}. Both options at once
   * select nothing. The latest version's {@code head} is the stream's last operation.
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
    boolean latest = index == versions.size() - 1;
    DidMipState selected = latest ? withHead(versions.get(index), lastSeen) : versions.get(index);
    return new Selection(
        Optional.of(selected), latest ? Optional.empty() : Optional.of(versions.get(index + 1)));
  }

  private static DidMipState withHead(DidMipState s, OperationId head) {
    return new DidMipState(
        s.did(),
        s.signingKey(),
        s.agreementKey(),
        s.services(),
        s.deactivated(),
        s.created(),
        s.updated(),
        s.versionId(),
        s.versionSequence(),
        s.signingKeyIndex(),
        s.agreementKeyIndex(),
        head);
  }
}
