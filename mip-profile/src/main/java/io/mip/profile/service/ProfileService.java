package io.mip.profile.service;

import io.mip.profile.Category;
import io.mip.profile.Deposit;
import io.mip.profile.ProfileLimits;
import io.mip.profile.RecordId;
import io.mip.profile.RecordListing;
import io.mip.profile.RecordMetadata;
import io.mip.profile.ServedRecord;
import io.mip.profile.WrappedKey;
import io.mip.profile.anchor.Anchorer;
import io.mip.profile.anchor.InclusionProof;
import io.mip.profile.anchor.Leaves;
import io.mip.profile.app.AppRegistry;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.consent.StoredGrant;
import io.mip.profile.service.ProfileRefusal.Reason;
import io.mip.profile.store.ProfileStorage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The node's side of the Smart Profile: deposits, reads under grants, listings, erasure and
 * inclusion proofs, on top of a {@link ProfileStorage}. Every method takes the caller's DID as
 * authenticated by the transport ({@code RequestAuthenticator}) and returns a value or a {@link
 * ProfileRefusal}; none throws for an expected outcome.
 *
 * <p>Guarantees: the node stores and serves ciphertext only; an app is served a record only under a
 * live grant (not expired, not revoked, category covered) and only after the read is appended to
 * the person's access log; every served ciphertext is checked against its content address first;
 * erasure removes the ciphertext and every wrapped key. Consent operations are in {@link
 * ConsentService}. Thread-safe.
 */
public final class ProfileService {
  private final ProfileStorage storage;
  private final PartyKeys keys;
  private final AppRegistry apps;
  private final Anchorer anchorer;
  private final Clock clock;

  /** Creates the service. */
  public ProfileService(
      ProfileStorage storage, PartyKeys keys, AppRegistry apps, Anchorer anchorer, Clock clock) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.apps = Objects.requireNonNull(apps, "apps");
    this.anchorer = Objects.requireNonNull(anchorer, "anchorer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns the apps a depositor must also wrap a new record's content key to: those holding a live
   * include-future grant from {@code owner} covering {@code category}.
   */
  public ProfileResult<Set<String>> recipients(String app, String owner, Category category) {
    if (apps.find(app).isEmpty()) {
      return ProfileResult.refused(Reason.APP_NOT_REGISTERED, app + " is not a registered app");
    }
    List<StoredGrant> grants = storage.index().grants().byOwner(owner);
    return ProfileResult.ok(GrantRules.futureRecipients(grants, category, clock.instant()));
  }

  /** Stores a deposit from {@code app}; depositing the same ciphertext again is a no-op. */
  public ProfileResult<RecordMetadata> deposit(String app, Deposit d) {
    if (d.size() > ProfileLimits.MAX_CIPHERTEXT_BYTES) {
      return ProfileResult.refused(
          Reason.RECORD_TOO_LARGE,
          "record ciphertext is " + d.size() + " bytes; the limit is 1 MiB");
    }
    if (!d.binding().depositor().equals(app)) {
      return ProfileResult.refused(Reason.NOT_DEPOSITOR, "the depositor must be the caller");
    }
    if (apps.find(app).isEmpty()) {
      return ProfileResult.refused(Reason.APP_NOT_REGISTERED, app + " is not a registered app");
    }
    String owner = d.binding().owner();
    if (keys.agreementKey(owner).isEmpty()) {
      return ProfileResult.refused(Reason.UNKNOWN_PERSON, "the owner's DID has no agreement key");
    }
    Instant now = clock.instant();
    Set<String> required =
        GrantRules.futureRecipients(
            storage.index().grants().byOwner(owner), d.binding().category(), now);
    Set<String> given = new TreeSet<>();
    d.keys().forEach(k -> given.add(k.recipient()));
    given.remove(owner);
    if (!given.containsAll(required)) {
      Set<String> missing = new TreeSet<>(required);
      missing.removeAll(given);
      return ProfileResult.refused(
          Reason.STALE_RECIPIENTS, "wrap the content key to these apps too: " + missing);
    }
    if (!required.containsAll(given)) {
      return ProfileResult.refused(
          Reason.INVALID_REQUEST, "content key wrapped to an app without an include-future grant");
    }
    RecordId id = RecordId.of(d.ciphertext());
    RecordMetadata meta =
        new RecordMetadata(
            id, owner, d.binding().category(), d.binding().schema(), app, d.size(), now);
    if (storage.storeRecord(meta, d.ciphertext(), d.keys())) {
      anchorer.leafQueued();
      return ProfileResult.ok(meta);
    }
    return storage
        .index()
        .records()
        .find(id)
        .map(ProfileResult::ok)
        .orElseGet(() -> ProfileResult.refused(Reason.RECORD_NOT_FOUND, "record was erased"));
  }

  /** Lists {@code person}'s own records with the keys wrapped to them. */
  public ProfileResult<List<RecordListing>> listOwn(String person) {
    return ProfileResult.ok(listing(person, person, storage.index().records().byOwner(person)));
  }

  /** Lists the records of {@code owner} that {@code app} may read now. */
  public ProfileResult<List<RecordListing>> listGranted(String app, String owner) {
    List<StoredGrant> grants = storage.index().grants().byOwnerAndApp(owner, app);
    Instant now = clock.instant();
    List<RecordMetadata> readable = new ArrayList<>();
    for (RecordMetadata m : storage.index().records().byOwner(owner)) {
      if (GrantRules.readAccess(grants, m.category(), now).isEmpty()) {
        readable.add(m);
      }
    }
    return ProfileResult.ok(listing(owner, app, readable));
  }

  private List<RecordListing> listing(String owner, String reader, List<RecordMetadata> records) {
    Map<RecordId, WrappedKey> wrapped = storage.index().records().keysOf(owner, reader);
    List<RecordListing> out = new ArrayList<>();
    for (RecordMetadata m : records) {
      WrappedKey k = wrapped.get(m.id());
      if (k != null) {
        out.add(new RecordListing(m, k));
      }
    }
    return out;
  }

  /**
   * Serves a record to its owner, or to an app under a live grant after logging the read. Refuses a
   * record whose stored bytes no longer hash to its id.
   */
  public ProfileResult<ServedRecord> fetch(String caller, RecordId id) {
    Optional<RecordMetadata> found = storage.index().records().find(id);
    if (found.isEmpty()) {
      return ProfileResult.refused(Reason.RECORD_NOT_FOUND, "no record " + id);
    }
    RecordMetadata meta = found.get();
    boolean owner = meta.owner().equals(caller);
    Instant now = clock.instant();
    if (!owner) {
      Optional<ProfileRefusal> refusal =
          GrantRules.readAccess(
              storage.index().grants().byOwnerAndApp(meta.owner(), caller), meta.category(), now);
      if (refusal.isPresent()) {
        return ProfileResult.refused(refusal.get());
      }
    }
    Optional<WrappedKey> key = storage.index().records().key(id, caller);
    if (key.isEmpty()) {
      return ProfileResult.refused(
          Reason.NO_GRANT, "the person has not shared this record's key with the caller");
    }
    Optional<byte[]> bytes = storage.blobs().get(id);
    if (bytes.isEmpty() || !id.matches(bytes.get())) {
      return ProfileResult.refused(
          Reason.RECORD_CORRUPTED, "stored ciphertext of " + id + " is missing or altered");
    }
    if (!owner) {
      storage.index().accessLog().append(meta.owner(), caller, id, now);
      anchorer.leafQueued();
    }
    return ProfileResult.ok(new ServedRecord(meta, bytes.get(), key.get()));
  }

  /** Deletes one of {@code person}'s records: ciphertext and every wrapped key. */
  public ProfileResult<RecordId> deleteRecord(String person, RecordId id) {
    Optional<RecordMetadata> found = storage.index().records().find(id);
    if (found.isEmpty() || !found.get().owner().equals(person)) {
      return ProfileResult.refused(Reason.RECORD_NOT_FOUND, "no record " + id + " of yours");
    }
    storage.index().records().delete(id);
    storage.blobs().delete(id);
    return ProfileResult.ok(id);
  }

  /** Erases {@code person}'s whole profile; returns how many records were erased. */
  public ProfileResult<Integer> eraseProfile(String person) {
    List<RecordId> ids = storage.index().erase(person, clock.instant());
    ids.forEach(storage.blobs()::delete);
    return ProfileResult.ok(ids.size());
  }

  /** Returns the inclusion proof of a record, for its owner or depositor. */
  public ProfileResult<InclusionProof> proof(String caller, RecordId id) {
    Optional<RecordMetadata> found = storage.index().records().find(id);
    if (found.isEmpty()
        || !(found.get().owner().equals(caller) || found.get().depositor().equals(caller))) {
      return ProfileResult.refused(Reason.RECORD_NOT_FOUND, "no record " + id + " for you");
    }
    return anchorer
        .proof(Leaves.record(id.hashBytes()))
        .map(ProfileResult::ok)
        .orElseGet(
            () ->
                ProfileResult.refused(
                    Reason.NOT_YET_ANCHORED, "record " + id + " is waiting for the next batch"));
  }
}
