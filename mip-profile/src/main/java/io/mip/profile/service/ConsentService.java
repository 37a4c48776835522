package io.mip.profile.service;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.profile.ProfileLimits;
import io.mip.profile.RecordId;
import io.mip.profile.RecordKey;
import io.mip.profile.RecordMetadata;
import io.mip.profile.accesslog.AccessLogEntry;
import io.mip.profile.anchor.Anchorer;
import io.mip.profile.anchor.InclusionProof;
import io.mip.profile.app.AppRegistry;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.consent.ConsentOperations;
import io.mip.profile.consent.StoredGrant;
import io.mip.profile.service.ProfileRefusal.Reason;
import io.mip.profile.store.ProfileStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The node's side of consent and audit: accepts a person's {@code consent.grant} and {@code
 * consent.revoke} operations (checking they are the person's, signed by the person's current DID
 * key, and match the grant), submits them to the ledger, stores the grant with the content keys the
 * person re-wrapped for the app, shreds the app's keys on revocation, and serves the person's
 * grants and access log with inclusion proofs.
 */
public final class ConsentService {
  private final ProfileStore store;
  private final Ledger ledger;
  private final PartyKeys keys;
  private final AppRegistry apps;
  private final Anchorer anchorer;
  private final Clock clock;

  /** Creates the service. */
  public ConsentService(
      ProfileStore store,
      Ledger ledger,
      PartyKeys keys,
      AppRegistry apps,
      Anchorer anchorer,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.apps = Objects.requireNonNull(apps, "apps");
    this.anchorer = Objects.requireNonNull(anchorer, "anchorer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns the head of {@code person}'s consent stream (the next operation's {@code prev}). */
  public ProfileResult<Optional<OperationId>> consentHead(String person) {
    return ProfileResult.ok(
        ledger.head(ConsentOperations.streamOf(person)).map(e -> e.operation().id()));
  }

  /** Accepts a grant from {@code person} with the content keys re-wrapped to the app. */
  public ProfileResult<StoredGrant> grant(
      String person, ConsentGrant grant, Operation op, List<RecordKey> wrapped) {
    if (!grant.person().equals(person)) {
      return ProfileResult.refused(Reason.NOT_OWNER, "a person grants only their own records");
    }
    Optional<ProfileRefusal> bad = checkOperation(person, op, ConsentOperations.GRANT, grant.id());
    if (bad.isPresent()) {
      return ProfileResult.refused(bad.get());
    }
    if (apps.find(grant.app()).isEmpty()) {
      return ProfileResult.refused(Reason.APP_NOT_REGISTERED, grant.app() + " is not registered");
    }
    Instant now = clock.instant();
    if (!grant.inForce(now)) {
      return ProfileResult.refused(Reason.INVALID_GRANT, "the grant is not in force now");
    }
    if (wrapped.size() > ProfileLimits.MAX_KEYS_PER_UPLOAD) {
      return ProfileResult.refused(Reason.INVALID_GRANT, "too many keys in one grant");
    }
    Map<RecordId, RecordMetadata> own =
        store.records().byOwner(person).stream()
            .collect(Collectors.toMap(RecordMetadata::id, Function.identity()));
    for (RecordKey k : wrapped) {
      RecordMetadata m = own.get(k.record());
      if (m == null || !k.key().recipient().equals(grant.app()) || !grant.covers(m.category())) {
        return ProfileResult.refused(
            Reason.INVALID_GRANT, "key for " + k.record() + " is outside this grant");
      }
    }
    Admission admission = ledger.submit(op);
    if (!admission.admitted()) {
      return ProfileResult.refused(
          new ProfileRefusal(
              Reason.LEDGER_REJECTED,
              admission.rejection().code(),
              admission.rejection().detail()));
    }
    StoredGrant stored = new StoredGrant(grant, op.id(), Optional.empty(), Optional.empty());
    store.grants().add(stored, wrapped);
    return ProfileResult.ok(store.grants().find(grant.id()).orElse(stored));
  }

  /**
   * Revokes a grant: submits the person's {@code consent.revoke}, ends the grant, and deletes the
   * app's wrapped keys of records no other live grant to that app covers.
   */
  public ProfileResult<StoredGrant> revoke(String person, String grantId, Operation op) {
    Optional<StoredGrant> found = store.grants().find(grantId);
    if (found.isEmpty() || !found.get().grant().person().equals(person)) {
      return ProfileResult.refused(Reason.GRANT_NOT_FOUND, "no grant " + grantId + " of yours");
    }
    Optional<ProfileRefusal> bad = checkOperation(person, op, ConsentOperations.REVOKE, grantId);
    if (bad.isPresent()) {
      return ProfileResult.refused(bad.get());
    }
    Admission admission = ledger.submit(op);
    if (!admission.admitted()) {
      return ProfileResult.refused(
          new ProfileRefusal(
              Reason.LEDGER_REJECTED,
              admission.rejection().code(),
              admission.rejection().detail()));
    }
    Instant now = clock.instant();
    store.grants().end(grantId, now, Optional.of(op.id()));
    String app = found.get().grant().app();
    List<StoredGrant> toApp = store.grants().byOwnerAndApp(person, app);
    List<RecordId> shred = new ArrayList<>();
    for (RecordMetadata m : store.records().byOwner(person)) {
      if (found.get().grant().covers(m.category())
          && !GrantRules.otherLiveGrant(toApp, grantId, m.category(), now)) {
        shred.add(m.id());
      }
    }
    store.records().deleteKeys(app, shred);
    return ProfileResult.ok(store.grants().find(grantId).orElseThrow());
  }

  private Optional<ProfileRefusal> checkOperation(
      String person, Operation op, String type, String grantId) {
    if (!op.type().equals(type)
        || !op.stream().equals(ConsentOperations.streamOf(person))
        || !ConsentOperations.grantIdOf(op).orElse("").equals(grantId)) {
      return Optional.of(
          ProfileRefusal.of(
              Reason.INVALID_GRANT, "operation must be a " + type + " of this grant by you"));
    }
    Optional<Ed25519PublicKey> current = keys.signingKey(person);
    if (current.isEmpty() || !current.get().equals(op.signer()) || !op.signatureValid()) {
      return Optional.of(
          ProfileRefusal.of(
              Reason.UNAUTHORIZED_SIGNER, "operation is not signed by your current DID key"));
    }
    return Optional.empty();
  }

  /** Returns {@code person}'s grants, oldest first. */
  public ProfileResult<List<StoredGrant>> grants(String person) {
    return ProfileResult.ok(store.grants().byOwner(person));
  }

  /** Returns entries of {@code person}'s access log after {@code afterSeq} (at most 1,000). */
  public ProfileResult<List<AccessLogEntry>> accessLog(String person, long afterSeq, int limit) {
    int n = Math.max(1, Math.min(limit, 1000));
    return ProfileResult.ok(store.accessLog().entries(person, Math.max(0, afterSeq), n));
  }

  /** Returns the inclusion proof of entry {@code seq} of {@code person}'s access log. */
  public ProfileResult<InclusionProof> accessProof(String person, long seq) {
    List<AccessLogEntry> one = store.accessLog().entries(person, seq - 1, 1);
    if (one.isEmpty() || one.get(0).seq() != seq) {
      return ProfileResult.refused(Reason.RECORD_NOT_FOUND, "no access log entry " + seq);
    }
    return anchorer
        .proof(one.get(0).anchorLeaf())
        .map(ProfileResult::ok)
        .orElseGet(
            () ->
                ProfileResult.refused(
                    Reason.NOT_YET_ANCHORED, "entry " + seq + " is waiting for the next batch"));
  }

  /** Returns the ledger entry of an operation (for proof checks by clients of this node). */
  public Optional<LedgerEntry> ledgerEntry(OperationId id) {
    return ledger.find(id);
  }
}
