package io.mip.profile.service;

import static io.mip.profile.ProfileFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.profile.AppProfile;
import io.mip.profile.CategoryPattern;
import io.mip.profile.Deposit;
import io.mip.profile.PersonProfile;
import io.mip.profile.ProfileFixture;
import io.mip.profile.ProfileLimits;
import io.mip.profile.RecordId;
import io.mip.profile.RecordSealer;
import io.mip.profile.TestParty;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.service.ProfileRefusal.Reason;
import io.mip.profile.store.BlobLocation;
import io.mip.profile.store.PackBlobStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each refusal of issue 5's acceptance list, with its own reason. */
class ProfileRefusalsTest {
  @TempDir Path dir;
  ProfileFixture f;
  TestParty person;
  TestParty clinicParty;
  TestParty schoolParty;
  AppProfile clinic;
  PersonProfile wallet;
  RecordId visit;

  @BeforeEach
  void setUp() {
    f = new ProfileFixture(dir);
    person = f.person();
    clinicParty = f.app("clinic");
    schoolParty = f.app("school");
    clinic = f.appProfile(clinicParty);
    wallet = f.personProfile(person);
    visit = clinic.deposit(person.did(), record("health.visit", "flu")).value().id();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private ConsentGrant grantClinicHealth(Duration lifetime) {
    return wallet
        .grant(
            clinicParty.did(),
            List.of(new CategoryPattern("health.*")),
            f.clock.instant().plus(lifetime),
            false,
            ConsentGrant.Disclosure.COMMITMENT)
        .value()
        .grant();
  }

  @Test
  void fetch_withoutGrant_refusedNoGrant() {
    assertThat(clinic.read(visit).refusal().reason()).isEqualTo(Reason.NO_GRANT);
  }

  @Test
  void fetch_afterRevocation_refusedGrantRevoked() {
    ConsentGrant g = grantClinicHealth(Duration.ofHours(1));
    assertThat(clinic.read(visit).isOk()).isTrue();
    wallet.revoke(g.id()).value();
    assertThat(clinic.read(visit).refusal().reason()).isEqualTo(Reason.GRANT_REVOKED);
    assertThat(f.services.storage().index().records().key(visit, clinicParty.did())).isEmpty();
  }

  @Test
  void fetch_afterExpiry_refusedGrantExpired() {
    grantClinicHealth(Duration.ofHours(1));
    assertThat(clinic.read(visit).isOk()).isTrue();
    f.clock.advance(Duration.ofMinutes(61));
    assertThat(clinic.read(visit).refusal().reason()).isEqualTo(Reason.GRANT_EXPIRED);
  }

  @Test
  void fetch_byAnotherApp_refusedNoGrant() {
    grantClinicHealth(Duration.ofHours(1));
    AppProfile school = f.appProfile(schoolParty);
    assertThat(school.read(visit).refusal().reason()).isEqualTo(Reason.NO_GRANT);
  }

  @Test
  void fetch_bytesAlteredInStorage_refusedRecordCorrupted() throws IOException {
    grantClinicHealth(Duration.ofHours(1));
    BlobLocation at = ((PackBlobStore) f.services.storage().blobs()).locate(visit).orElseThrow();
    try (FileChannel pack =
        FileChannel.open(at.file(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      long pos = at.offset() + at.length() / 2;
      pack.read(one, pos);
      one.put(0, (byte) (one.get(0) ^ 1)).rewind();
      pack.write(one, pos);
    }
    assertThat(clinic.read(visit).refusal().reason()).isEqualTo(Reason.RECORD_CORRUPTED);
    assertThat(wallet.read(visit).refusal().reason()).isEqualTo(Reason.RECORD_CORRUPTED);
  }

  @Test
  void deposit_oversizedCiphertext_refusedRecordTooLarge() {
    Deposit small =
        RecordSealer.seal(
            record("health.visit", "x"),
            person.did(),
            person.agreement().publicKey(),
            clinicParty.did(),
            Map.of());
    Deposit big =
        new Deposit(
            small.binding(), new byte[ProfileLimits.MAX_CIPHERTEXT_BYTES + 1], small.keys());
    var result = f.api(clinicParty).deposit(big);
    assertThat(result.refusal().reason()).isEqualTo(Reason.RECORD_TOO_LARGE);
    assertThat(result.refusal().status()).isEqualTo(413);
  }

  @Test
  void deposit_asAnotherDepositor_refusedNotDepositor() {
    Deposit d =
        RecordSealer.seal(
            record("health.visit", "x"),
            person.did(),
            person.agreement().publicKey(),
            schoolParty.did(),
            Map.of());
    assertThat(f.api(clinicParty).deposit(d).refusal().reason()).isEqualTo(Reason.NOT_DEPOSITOR);
  }

  @Test
  void deposit_byUnregisteredApp_refusedAppNotRegistered() {
    TestParty rogue = f.person();
    AppProfile app = f.appProfile(rogue);
    assertThat(app.deposit(person.did(), record("health.visit", "x")).refusal().reason())
        .isEqualTo(Reason.APP_NOT_REGISTERED);
  }

  @Test
  void deposit_missingFutureGrantRecipient_refusedStaleRecipients() {
    wallet
        .grant(
            schoolParty.did(),
            List.of(new CategoryPattern("health.*")),
            f.clock.instant().plus(Duration.ofHours(1)),
            true,
            ConsentGrant.Disclosure.OPEN)
        .value();
    Deposit d =
        RecordSealer.seal(
            record("health.visit", "x"),
            person.did(),
            person.agreement().publicKey(),
            clinicParty.did(),
            Map.of());
    assertThat(f.api(clinicParty).deposit(d).refusal().reason()).isEqualTo(Reason.STALE_RECIPIENTS);
  }

  @Test
  void deposit_withFutureGrant_appReadsNewRecordWithoutPersonOnline() {
    wallet
        .grant(
            schoolParty.did(),
            List.of(new CategoryPattern("health.lab")),
            f.clock.instant().plus(Duration.ofHours(1)),
            true,
            ConsentGrant.Disclosure.COMMITMENT)
        .value();
    RecordId lab = clinic.deposit(person.did(), record("health.lab", "ok")).value().id();
    AppProfile school = f.appProfile(schoolParty);
    assertThat(school.read(lab).value().isOpened()).isTrue();
    assertThat(school.read(visit).refusal().reason()).isEqualTo(Reason.NO_GRANT);
  }

  @Test
  void grant_signedByAnotherKey_refusedUnauthorizedSigner() {
    TestParty impostor = f.person();
    PersonProfile forged =
        new PersonProfile(f.api(person), impostor.signing(), person.agreement(), f.keys, f.clock);
    var r =
        forged.grant(
            clinicParty.did(),
            List.of(new CategoryPattern("*")),
            f.clock.instant().plus(Duration.ofHours(1)),
            false,
            ConsentGrant.Disclosure.COMMITMENT);
    assertThat(r.refusal().reason()).isEqualTo(Reason.UNAUTHORIZED_SIGNER);
  }

  @Test
  void revoke_twice_secondRefusedByLedger() {
    ConsentGrant g = grantClinicHealth(Duration.ofHours(1));
    wallet.revoke(g.id()).value();
    var again = wallet.revoke(g.id());
    assertThat(again.refusal().reason()).isEqualTo(Reason.LEDGER_REJECTED);
    assertThat(again.refusal().code()).isEqualTo("grant-already-revoked");
  }
}
