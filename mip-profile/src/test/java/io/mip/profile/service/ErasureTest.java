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
import io.mip.profile.store.BlobLocation;
import io.mip.profile.store.PackBlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crypto-shredding: deleting a record or a profile removes ciphertext and every wrapped key. */
class ErasureTest {
  @TempDir Path dir;

  @Test
  void deleteRecord_granted_ciphertextZeroedAndAllKeysGoneAndAppRefused() throws IOException {
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
      PackBlobStore blobs = (PackBlobStore) f.services.storage().blobs();
      BlobLocation blob = blobs.locate(id).orElseThrow();
      assertThat(slice(blob)).isEqualTo(blobs.get(id).orElseThrow());
      assertThat(f.services.storage().index().records().keys(id)).hasSize(2);

      assertThat(wallet.delete(id).value()).isEqualTo(id);

      assertThat(slice(blob)).as("ciphertext overwritten in place").containsOnly(0);
      assertThat(blobs.locate(id)).isEmpty();
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
      byte[] ciphertextA = f.services.storage().blobs().get(a).orElseThrow();
      byte[] ciphertextB = f.services.storage().blobs().get(b).orElseThrow();

      assertThat(wallet.eraseAll().value()).isEqualTo(2);

      assertThat(f.services.storage().blobs().get(a)).isEmpty();
      Path blobs = f.dir.resolve("profile").resolve("blobs");
      try (var files = Files.walk(blobs)) {
        for (Path p : files.filter(Files::isRegularFile).toList()) {
          byte[] stored = Files.readAllBytes(p);
          assertThat(indexOf(stored, ciphertextA)).as("ciphertext left in %s", p).isEqualTo(-1);
          assertThat(indexOf(stored, ciphertextB)).as("ciphertext left in %s", p).isEqualTo(-1);
        }
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

  private static byte[] slice(BlobLocation at) throws IOException {
    byte[] all = Files.readAllBytes(at.file());
    return Arrays.copyOfRange(all, (int) at.offset(), (int) at.offset() + at.length());
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
