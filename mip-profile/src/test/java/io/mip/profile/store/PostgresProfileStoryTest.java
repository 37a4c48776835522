package io.mip.profile.store;

import static io.mip.profile.ProfileFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.profile.AppProfile;
import io.mip.profile.CategoryPattern;
import io.mip.profile.PersonProfile;
import io.mip.profile.ProfileFixture;
import io.mip.profile.RecordId;
import io.mip.profile.TestParty;
import io.mip.profile.accesslog.AccessLogEntry;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.consent.StoredGrant;
import io.mip.profile.service.ProfileRefusal.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deposit, grant, read, revoke, audit and erase flow on PostgreSQL storage. */
@Tag("slow")
class PostgresProfileStoryTest {
  @TempDir Path dir;

  @Test
  void story_onPostgres_sameOutcomesAsEmbedded() {
    String url = PostgresTestDatabase.freshSchemaUrl();
    try (ProfileFixture f = new ProfileFixture(dir, ProfileStorage.postgres(url))) {
      TestParty person = f.person();
      TestParty clinicParty = f.app("clinic");
      AppProfile clinic = f.appProfile(clinicParty);
      PersonProfile wallet = f.personProfile(person);
      RecordId visit = clinic.deposit(person.did(), record("health.visit", "v")).value().id();
      RecordId diploma =
          f.appProfile(f.app("school"))
              .deposit(person.did(), record("education.diploma", "d"))
              .value()
              .id();
      assertThat(wallet.readAll().value()).hasSize(2);
      StoredGrant g =
          wallet
              .grant(
                  clinicParty.did(),
                  List.of(new CategoryPattern("health.*")),
                  f.clock.instant().plus(Duration.ofHours(1)),
                  false,
                  ConsentGrant.Disclosure.COMMITMENT)
              .value();
      assertThat(clinic.read(visit).value().isOpened()).isTrue();
      assertThat(clinic.read(diploma).refusal().reason()).isEqualTo(Reason.NO_GRANT);
      wallet.revoke(g.id()).value();
      assertThat(clinic.read(visit).refusal().reason()).isEqualTo(Reason.GRANT_REVOKED);
      f.services.anchorer().anchorNow();
      var log = wallet.accessLog().value();
      assertThat(log.entries()).extracting(AccessLogEntry::record).containsExactly(visit);
      assertThat(log.headAnchor()).hasValueSatisfying(v -> assertThat(v.ok()).isTrue());
      assertThat(wallet.verify(diploma).value().ok()).isTrue();
      assertThat(wallet.eraseAll().value()).isEqualTo(2);
      assertThat(f.services.storage().blobs().get(visit)).isEmpty();
      assertThat(wallet.list().value()).isEmpty();
    }
  }
}
