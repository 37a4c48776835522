package io.mip.profile.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Hashes;
import io.mip.ledger.OperationId;
import io.mip.profile.Category;
import io.mip.profile.CategoryPattern;
import io.mip.profile.RecordId;
import io.mip.profile.RecordKey;
import io.mip.profile.RecordMetadata;
import io.mip.profile.WrappedKey;
import io.mip.profile.accesslog.AccessLogEntry;
import io.mip.profile.accesslog.AccessLogVerification;
import io.mip.profile.anchor.AnchorBatch;
import io.mip.profile.anchor.LeafPosition;
import io.mip.profile.anchor.Leaves;
import io.mip.profile.anchor.PendingLeaf;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.consent.StoredGrant;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ProfileStore} must have; {@code SqliteProfileStoreTest} and {@code
 * PostgresProfileStoreTest} run it against real databases.
 */
abstract class ProfileStoreContract {
  static final String PERSON = "did:mip:person1";
  static final String OTHER = "did:mip:person2";
  static final String CLINIC = "did:mip:clinic";
  static final String SCHOOL = "did:mip:school";
  static final SecureRandom RANDOM = new SecureRandom();

  ProfileStore store;

  /** Opens a fresh, empty store. */
  abstract ProfileStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
  }

  @AfterEach
  void close() {
    if (store != null) { // null when the store could not be opened (a skipped PostgreSQL test)
      store.close();
    }
  }

  static RecordId randomId() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return new RecordId(Base64Url.encode(b));
  }

  static WrappedKey key(String recipient) {
    byte[] b = new byte[80];
    RANDOM.nextBytes(b);
    return new WrappedKey(recipient, b);
  }

  static RecordMetadata meta(RecordId id, String owner, String category) {
    return new RecordMetadata(
        id,
        owner,
        new Category(category),
        "schema:1",
        CLINIC,
        100,
        Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  static StoredGrant grant(String person, String app, String pattern) {
    ConsentGrant g =
        ConsentGrant.create(
            person,
            app,
            List.of(new CategoryPattern(pattern)),
            Instant.now(),
            Instant.now().plusSeconds(3600),
            false);
    return new StoredGrant(g, opId(), Optional.empty(), Optional.empty());
  }

  static OperationId opId() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return new OperationId(Base64Url.encode(b));
  }

  @Test
  void add_thenFind_returnsSameMetadataAndKeys() {
    RecordId id = randomId();
    RecordMetadata m = meta(id, PERSON, "health.visit");
    WrappedKey k = key(PERSON);
    assertThat(store.records().add(m, List.of(k))).isTrue();
    assertThat(store.records().find(id)).contains(m);
    assertThat(store.records().key(id, PERSON)).contains(k);
    assertThat(store.records().keys(id)).containsExactly(k);
    assertThat(store.records().keysOf(PERSON, PERSON)).containsEntry(id, k);
  }

  @Test
  void add_sameIdTwice_secondIsNoOp() {
    RecordId id = randomId();
    assertThat(store.records().add(meta(id, PERSON, "a.b"), List.of(key(PERSON)))).isTrue();
    assertThat(store.records().add(meta(id, OTHER, "c.d"), List.of(key(OTHER)))).isFalse();
    assertThat(store.records().find(id).get().owner()).isEqualTo(PERSON);
    assertThat(store.anchors().pending(10)).hasSize(1);
  }

  @Test
  void byOwner_returnsOwnRecordsInDepositOrder() {
    List<RecordId> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      RecordId id = randomId();
      mine.add(id);
      store.records().add(meta(id, PERSON, "x.y"), List.of(key(PERSON)));
      store.records().add(meta(randomId(), OTHER, "x.y"), List.of(key(OTHER)));
    }
    assertThat(store.records().byOwner(PERSON))
        .extracting(RecordMetadata::id)
        .containsExactlyElementsOf(mine);
  }

  @Test
  void putKeys_thenDeleteKeys_onlyThatRecipientsKeysGo() {
    RecordId id = randomId();
    store.records().add(meta(id, PERSON, "x.y"), List.of(key(PERSON)));
    store
        .records()
        .putKeys(List.of(new RecordKey(id, key(CLINIC)), new RecordKey(randomId(), key(CLINIC))));
    assertThat(store.records().keys(id)).hasSize(2);
    assertThat(store.records().deleteKeys(CLINIC, List.of(id))).isEqualTo(1);
    assertThat(store.records().keys(id)).extracting(WrappedKey::recipient).containsOnly(PERSON);
  }

  @Test
  void delete_removesMetadataAndEveryKey() {
    RecordId id = randomId();
    store.records().add(meta(id, PERSON, "x.y"), List.of(key(PERSON), key(CLINIC)));
    assertThat(store.records().delete(id)).isTrue();
    assertThat(store.records().find(id)).isEmpty();
    assertThat(store.records().keys(id)).isEmpty();
    assertThat(store.records().delete(id)).isFalse();
  }

  @Test
  void grants_addFindEnd_roundTrip() {
    StoredGrant g = grant(PERSON, CLINIC, "health.*");
    assertThat(store.grants().add(g, List.of())).isTrue();
    assertThat(store.grants().add(g, List.of())).isFalse();
    assertThat(store.grants().find(g.id())).contains(g);
    assertThat(store.grants().byOwnerAndApp(PERSON, CLINIC)).containsExactly(g);
    assertThat(store.grants().byOwnerAndApp(PERSON, SCHOOL)).isEmpty();
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    OperationId revoke = opId();
    assertThat(store.grants().end(g.id(), at, Optional.of(revoke))).isTrue();
    assertThat(store.grants().end(g.id(), at, Optional.empty())).isFalse();
    StoredGrant ended = store.grants().find(g.id()).orElseThrow();
    assertThat(ended.endedAt()).contains(at);
    assertThat(ended.revokeOperation()).contains(revoke);
  }

  @Test
  void grants_addWithKeys_storesKeysAtomically() {
    RecordId id = randomId();
    store.records().add(meta(id, PERSON, "health.visit"), List.of(key(PERSON)));
    StoredGrant g = grant(PERSON, CLINIC, "health.*");
    WrappedKey k = key(CLINIC);
    store.grants().add(g, List.of(new RecordKey(id, k)));
    assertThat(store.records().key(id, CLINIC)).contains(k);
  }

  @Test
  void accessLog_appends_formAVerifiableChainPerOwner() {
    RecordId r = randomId();
    Instant t = Instant.now();
    for (int i = 0; i < 4; i++) {
      store.accessLog().append(PERSON, CLINIC, r, t.plusMillis(i));
      store.accessLog().append(OTHER, SCHOOL, r, t.plusMillis(i));
    }
    List<AccessLogEntry> log = store.accessLog().entries(PERSON, 0, 100);
    assertThat(log).hasSize(4);
    assertThat(log).extracting(AccessLogEntry::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(AccessLogVerification.verify(log).ok()).isTrue();
    assertThat(store.accessLog().entries(PERSON, 2, 1))
        .extracting(AccessLogEntry::seq)
        .containsExactly(3L);
  }

  @Test
  void accessLog_concurrentAppends_neverFork() throws Exception {
    RecordId r = randomId();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<AccessLogEntry>> fs = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        fs.add(pool.submit(() -> store.accessLog().append(PERSON, CLINIC, r, Instant.now())));
      }
      for (Future<AccessLogEntry> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    List<AccessLogEntry> log = store.accessLog().entries(PERSON, 0, 1000);
    assertThat(log).hasSize(200);
    assertThat(AccessLogVerification.verify(log).ok()).isTrue();
  }

  @Test
  void anchors_pendingSealPosition_roundTrip() {
    for (int i = 0; i < 3; i++) {
      RecordId id = randomId();
      store.records().add(meta(id, PERSON, "x.y"), List.of(key(PERSON)));
    }
    List<PendingLeaf> pending = store.anchors().pending(2);
    assertThat(pending).hasSize(2);
    AnchorBatch b =
        new AnchorBatch(
            1,
            Base64Url.encode(Hashes.sha256(new byte[] {1})),
            2,
            opId(),
            Instant.now().truncatedTo(ChronoUnit.MILLIS));
    store.anchors().seal(b, pending.stream().map(PendingLeaf::id).toList());
    assertThat(store.anchors().last()).contains(b);
    assertThat(store.anchors().batch(1)).contains(b);
    assertThat(store.anchors().pending(10)).hasSize(1);
    assertThat(store.anchors().leaves(1)).hasSize(2);
    assertThat(store.anchors().leaves(1).get(1)).isEqualTo(pending.get(1).leaf());
    assertThat(store.anchors().position(pending.get(1).leaf())).contains(new LeafPosition(1, 1));
    assertThat(store.anchors().position(Leaves.record(new byte[32]))).isEmpty();
  }

  @Test
  void erase_removesOwnersRecordsKeysAndLogAndEndsGrants() {
    RecordId a = randomId();
    RecordId b = randomId();
    store.records().add(meta(a, PERSON, "x.y"), List.of(key(PERSON), key(CLINIC)));
    store.records().add(meta(b, OTHER, "x.y"), List.of(key(OTHER)));
    StoredGrant g = grant(PERSON, CLINIC, "*");
    store.grants().add(g, List.of());
    store.accessLog().append(PERSON, CLINIC, a, Instant.now());
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    assertThat(store.erase(PERSON, at)).containsExactly(a);
    assertThat(store.records().find(a)).isEmpty();
    assertThat(store.records().keys(a)).isEmpty();
    assertThat(store.accessLog().entries(PERSON, 0, 10)).isEmpty();
    assertThat(store.grants().find(g.id()).get().endedAt()).contains(at);
    assertThat(store.records().find(b)).isPresent();
  }
}
