package io.mip.profile;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.crypto.X25519PublicKey;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.profile.RecordOpening.OpenedRecord;
import io.mip.profile.accesslog.AccessLogEntry;
import io.mip.profile.accesslog.AccessLogVerification;
import io.mip.profile.anchor.InclusionProof;
import io.mip.profile.anchor.Leaves;
import io.mip.profile.anchor.ProofVerification;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.client.ProfileApi;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.consent.ConsentOperations;
import io.mip.profile.consent.StoredGrant;
import io.mip.profile.service.ProfileRefusal.Reason;
import io.mip.profile.service.ProfileResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The person's side of the Smart Profile, used by the wallet after face + PIN unlock: reads and
 * decrypts every record across apps, grants and revokes access (signing the consent operations with
 * the person's DID key and re-wrapping content keys to the app), audits the access log, checks
 * anchors, and erases records or the whole profile.
 *
 * <p>Security guarantees: a record is re-wrapped for a grant only after it decrypted under the
 * label the grant matched; the app's key-agreement key comes from {@link PartyKeys} (DID
 * resolution), not from the node.
 */
public final class PersonProfile {
  private final ProfileApi api;
  private final Ed25519PrivateKey signingKey;
  private final ProfileReader reader;
  private final PartyKeys keys;
  private final Clock clock;

  /**
   * Creates the person's view.
   *
   * @param api the node's API, calling as the person
   * @param signingKey the person's current DID signing key (signs consent operations)
   * @param agreementKey the person's X25519 key-agreement key (opens records)
   * @param keys DID key lookup (the app's key-agreement key for re-wrapping)
   */
  public PersonProfile(
      ProfileApi api,
      Ed25519PrivateKey signingKey,
      X25519PrivateKey agreementKey,
      PartyKeys keys,
      Clock clock) {
    this.api = Objects.requireNonNull(api, "api");
    this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
    this.reader = new ProfileReader(api.caller(), agreementKey);
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns the person's DID. */
  public String did() {
    return api.caller();
  }

  /** Lists the person's records (metadata only). */
  public ProfileResult<List<RecordMetadata>> list() {
    return api.listOwn().map(l -> l.stream().map(RecordListing::metadata).toList());
  }

  /** Fetches and opens one record. */
  public ProfileResult<RecordOpening> read(RecordId id) {
    return api.fetch(id).map(s -> reader.open(s.metadata(), s.ciphertext(), s.key()));
  }

  /**
   * Fetches and opens every record. A record that does not open (altered, relabelled) is refused as
   * a whole result: the wallet must not show a partial profile as complete.
   */
  public ProfileResult<List<OpenedRecord>> readAll() {
    ProfileResult<List<RecordListing>> listed = api.listOwn();
    if (!listed.isOk()) {
      return ProfileResult.refused(listed.refusal());
    }
    List<OpenedRecord> out = new ArrayList<>();
    for (RecordListing l : listed.value()) {
      ProfileResult<RecordOpening> r = read(l.metadata().id());
      if (!r.isOk()) {
        return ProfileResult.refused(r.refusal());
      }
      if (!r.value().isOpened()) {
        return ProfileResult.refused(
            Reason.RECORD_CORRUPTED,
            "record " + l.metadata().id() + " did not open: " + r.value().failure().get());
      }
      out.add(r.value().record().get());
    }
    return ProfileResult.ok(out);
  }

  /**
   * Grants {@code app} read access to the categories until {@code until}: re-wraps the content key
   * of every matching record that opens, signs {@code consent.grant}, and submits both.
   */
  public ProfileResult<StoredGrant> grant(
      String app,
      List<CategoryPattern> categories,
      Instant until,
      boolean includeFuture,
      ConsentGrant.Disclosure disclosure) {
    Optional<X25519PublicKey> appKey = keys.agreementKey(app);
    if (appKey.isEmpty()) {
      return ProfileResult.refused(Reason.INVALID_GRANT, app + " has no key-agreement key");
    }
    ConsentGrant grant =
        ConsentGrant.create(did(), app, categories, clock.instant(), until, includeFuture);
    ProfileResult<List<RecordListing>> listed = api.listOwn();
    if (!listed.isOk()) {
      return ProfileResult.refused(listed.refusal());
    }
    List<RecordKey> wrapped = new ArrayList<>();
    for (RecordListing l : listed.value()) {
      if (!grant.covers(l.metadata().category())) {
        continue;
      }
      ProfileResult<ServedRecord> served = api.fetch(l.metadata().id());
      if (!served.isOk()) {
        return ProfileResult.refused(served.refusal());
      }
      ServedRecord s = served.value();
      reader
          .rewrap(s.metadata(), s.ciphertext(), s.key(), app, appKey.get())
          .ifPresent(k -> wrapped.add(new RecordKey(s.metadata().id(), k)));
    }
    ProfileResult<Optional<OperationId>> head = api.consentHead();
    if (!head.isOk()) {
      return ProfileResult.refused(head.refusal());
    }
    Operation op = ConsentOperations.grant(grant, disclosure, head.value(), signingKey);
    return api.grant(grant, op, wrapped);
  }

  /** Revokes a grant. */
  public ProfileResult<StoredGrant> revoke(String grantId) {
    ProfileResult<Optional<OperationId>> head = api.consentHead();
    if (!head.isOk()) {
      return ProfileResult.refused(head.refusal());
    }
    Operation op = ConsentOperations.revoke(did(), grantId, head.value(), signingKey);
    return api.revoke(grantId, op);
  }

  /** Lists the person's grants. */
  public ProfileResult<List<StoredGrant>> grants() {
    return api.grants();
  }

  /**
   * Reads the whole access log and checks it: the hash chain is intact, and its last entry is in an
   * anchored batch on the ledger (so entries cannot be dropped from the end unnoticed once
   * anchored). An unanchored tail is reported, not refused.
   */
  public ProfileResult<AccessLogReport> accessLog() {
    List<AccessLogEntry> all = new ArrayList<>();
    while (true) {
      long after = all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
      ProfileResult<List<AccessLogEntry>> page = api.accessLog(after, 1000);
      if (!page.isOk()) {
        return ProfileResult.refused(page.refusal());
      }
      all.addAll(page.value());
      if (page.value().size() < 1000) {
        break;
      }
    }
    AccessLogVerification chain = AccessLogVerification.verify(all);
    Optional<ProofVerification> anchored = Optional.empty();
    if (!all.isEmpty()) {
      AccessLogEntry last = all.get(all.size() - 1);
      ProfileResult<InclusionProof> proof = api.accessProof(last.seq());
      if (proof.isOk()) {
        anchored =
            Optional.of(
                ProofVerification.verify(
                    last.anchorLeaf(),
                    proof.value(),
                    api.ledgerOperation(proof.value().operation())));
      }
    }
    return ProfileResult.ok(new AccessLogReport(all, chain, anchored));
  }

  /** Checks that a record's bytes are anchored on the ledger (fetches record and proof). */
  public ProfileResult<ProofVerification> verify(RecordId id) {
    ProfileResult<ServedRecord> served = api.fetch(id);
    if (!served.isOk()) {
      return ProfileResult.refused(served.refusal());
    }
    ProfileResult<InclusionProof> proof = api.proof(id);
    if (!proof.isOk()) {
      return ProfileResult.refused(proof.refusal());
    }
    byte[] leaf = Leaves.record(RecordId.of(served.value().ciphertext()).hashBytes());
    return ProfileResult.ok(
        ProofVerification.verify(
            leaf, proof.value(), api.ledgerOperation(proof.value().operation())));
  }

  /** Deletes one record. */
  public ProfileResult<RecordId> delete(RecordId id) {
    return api.deleteRecord(id);
  }

  /**
   * Erases the whole profile: revokes every grant still in force on the ledger, then has the node
   * delete every ciphertext, wrapped key and the access log. Returns how many records were erased.
   */
  public ProfileResult<Integer> eraseAll() {
    ProfileResult<List<StoredGrant>> grants = api.grants();
    if (!grants.isOk()) {
      return ProfileResult.refused(grants.refusal());
    }
    Instant now = clock.instant();
    for (StoredGrant g : grants.value()) {
      if (g.status(now) == StoredGrant.Status.LIVE) {
        ProfileResult<StoredGrant> r = revoke(g.id());
        if (!r.isOk()) {
          return ProfileResult.refused(r.refusal());
        }
      }
    }
    return api.eraseProfile();
  }
}
