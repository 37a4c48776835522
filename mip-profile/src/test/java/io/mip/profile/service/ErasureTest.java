package io.mip.profile.service;

import static io.mip.profile.ProfileFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.profile.AppProfile;
import io.mip.profile.CategoryPattern;
import io.mip.profile.PersonProfile;
import io.mip.profile.ProfileFixture;
import io.mip.profile.RecordId;
import io.mip.profile.TestParty;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.consent.StoredGrant;
import io.mip.profile.service.ProfileRefusal.Reason;
import io.mip.profile.store.FileBlobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crypto-shredding: deleting a record or a profile removes ciphertext and every wrapped key. */
class ErasureTest {
  @TempDir Path dir;

  @Test
  void deleteRecord_granted_ciphertextAndAllKeysGoneAndAppRefused() {
    try (ProfileFixture f = new ProfileFixture(dir)) {
      TestParty person = f.person();
      TestParty clinicParty = f.app("clinic");
      AppProfile clinic = f.appProfile(clinicParty);
      PersonProfile wallet = f.personProfile(person);
      RecordId id = clinic.deposit(person.did(), record("health.visit", "x")).value().id();
      wallet
          .grant(
              clinicParty.did(),
              List.of(new CategoryPattern("health.*")),
              f.clock.instant().plus(Duration.ofHours(1)),
              false,
              ConsentGrant.Disclosure.COMMITMENT)
          .value();
      Path blob = ((FileBlobStore) f.services.storage().blobs()).pathOf(id);
      assertThat(blob).exists();
      assertThat(f.services.storage().index().records().keys(id)).hasSize(2);

      assertThat(wallet.delete(id).value()).isEqualTo(id);

      assertThat(blob).doesNotExist();
      assertThat(f.services.storage().index().records().keys(id)).isEmpty();
      assertThat(clinic.read(id).refusal().reason()).isEqualTo(Reason.RECORD_NOT_FOUND);
      assertThat(wallet.list().value()).isEmpty();
    }
  }

  @Test
  void deleteRecord_ofAnotherPerson_refusedAndKept() {
    try (ProfileFixture f = new ProfileFixture(dir)) {
      TestParty person = f.person();
      TestParty other = f.person();
      AppProfile clinic = f.appProfile(f.app("clinic"));
      RecordId id = clinic.deposit(person.did(), record("health.visit", "x")).value().id();
      assertThat(f.personProfile(other).delete(id).refusal().reason())
          .isEqualTo(Reason.RECORD_NOT_FOUND);
      assertThat(f.personProfile(person).list().value()).hasSize(1);
    }
  }

  @Test
  void eraseAll_withLiveGrant_revokesOnLedgerAndRemovesEverything() throws Exception {
    try (ProfileFixture f = new ProfileFixture(dir)) {
      TestParty person = f.person();
      TestParty clinicParty = f.app("clinic");
      AppProfile clinic = f.appProfile(clinicParty);
      PersonProfile wallet = f.personProfile(person);
      RecordId a = clinic.deposit(person.did(), record("health.visit", "a")).value().id();
      RecordId b = clinic.deposit(person.did(), record("health.lab", "b")).value().id();
      StoredGrant g =
          wallet
              .grant(
                  clinicParty.did(),
                  List.of(new CategoryPattern("*")),
                  f.clock.instant().plus(Duration.ofHours(1)),
                  true,
                  ConsentGrant.Disclosure.COMMITMENT)
              .value();
      assertThat(clinic.read(a).isOk()).isTrue();

      assertThat(wallet.eraseAll().value()).isEqualTo(2);

      Path blobs = f.dir.resolve("profile").resolve("blobs");
      try (var files = Files.walk(blobs)) {
        assertThat(files.filter(Files::isRegularFile)).isEmpty();
      }
      assertThat(f.services.storage().index().records().keys(a)).isEmpty();
      assertThat(f.services.storage().index().records().keys(b)).isEmpty();
      assertThat(wallet.accessLog().value().entries()).isEmpty();
      StoredGrant ended = f.services.storage().index().grants().find(g.id()).orElseThrow();
      assertThat(ended.status(f.clock.instant())).isEqualTo(StoredGrant.Status.REVOKED);
      assertThat(ended.revokeOperation()).isPresent();
      assertThat(f.ledger.find(ended.revokeOperation().get())).isPresent();
      assertThat(clinic.read(b).refusal().reason()).isEqualTo(Reason.RECORD_NOT_FOUND);
    }
  }
}
