package io.mip.profile.service;

import static io.mip.profile.ProfileFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.profile.AccessLogReport;
import io.mip.profile.AppProfile;
import io.mip.profile.CategoryPattern;
import io.mip.profile.PersonProfile;
import io.mip.profile.ProfileFixture;
import io.mip.profile.RecordId;
import io.mip.profile.RecordMetadata;
import io.mip.profile.RecordOpening.OpenedRecord;
import io.mip.profile.TestParty;
import io.mip.profile.accesslog.AccessLogEntry;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.consent.StoredGrant;
import io.mip.profile.service.ProfileRefusal.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance story of issue 5, in one process (the HTTP version is in mip-node). */
class ProfileStoryTest {
  @TempDir Path dir;

  @Test
  void story_clinicAndSchoolDepositPersonGrantsAndRevokes_accessLogShowsExactlyTheReads() {
    try (ProfileFixture f = new ProfileFixture(dir)) {
      TestParty person = f.person();
      TestParty clinicParty = f.app("clinic");
      TestParty schoolParty = f.app("school");
      AppProfile clinic = f.appProfile(clinicParty);
      AppProfile school = f.appProfile(schoolParty);
      PersonProfile wallet = f.personProfile(person);

      List<RecordId> clinicRecords = new ArrayList<>();
      for (String c : List.of("health.visit", "health.lab", "health.prescription")) {
        clinicRecords.add(clinic.deposit(person.did(), record(c, "clinic " + c)).value().id());
      }
      List<RecordId> schoolRecords = new ArrayList<>();
      for (String c : List.of("education.diploma", "education.transcript")) {
        schoolRecords.add(school.deposit(person.did(), record(c, "school " + c)).value().id());
      }

      List<OpenedRecord> all = wallet.readAll().value();
      assertThat(all).hasSize(5);
      assertThat(all)
          .extracting(r -> r.envelope().content().path("text").asText())
          .containsExactlyInAnyOrder(
              "clinic health.visit",
              "clinic health.lab",
              "clinic health.prescription",
              "school education.diploma",
              "school education.transcript");

      StoredGrant grant =
          wallet
              .grant(
                  clinicParty.did(),
                  List.of(new CategoryPattern("health.*")),
                  f.clock.instant().plus(Duration.ofHours(1)),
                  false,
                  ConsentGrant.Disclosure.COMMITMENT)
              .value();
      assertThat(f.ledger.find(grant.grantOperation())).isPresent();

      assertThat(clinic.readable(person.did()).value())
          .extracting(RecordMetadata::id)
          .containsExactlyInAnyOrderElementsOf(clinicRecords);
      for (RecordId id : clinicRecords) {
        assertThat(clinic.read(id).value().isOpened()).isTrue();
      }
      for (RecordId id : schoolRecords) {
        assertThat(clinic.read(id).refusal().reason()).isEqualTo(Reason.NO_GRANT);
      }

      wallet.revoke(grant.id()).value();
      ProfileResult<?> after = clinic.read(clinicRecords.get(0));
      assertThat(after.refusal().reason()).isEqualTo(Reason.GRANT_REVOKED);

      f.services.anchorer().anchorNow();
      AccessLogReport log = wallet.accessLog().value();
      assertThat(log.entries())
          .extracting(AccessLogEntry::record)
          .containsExactlyElementsOf(clinicRecords);
      assertThat(log.entries()).extracting(AccessLogEntry::app).containsOnly(clinicParty.did());
      assertThat(log.chain().ok()).isTrue();
      assertThat(log.headAnchor()).hasValueSatisfying(v -> assertThat(v.ok()).isTrue());
    }
  }
}
