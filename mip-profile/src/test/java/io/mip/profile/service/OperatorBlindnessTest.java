package io.mip.profile.service;

import static io.mip.profile.ProfileFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Base64Url;
import io.mip.profile.AppProfile;
import io.mip.profile.CategoryPattern;
import io.mip.profile.PersonProfile;
import io.mip.profile.ProfileFixture;
import io.mip.profile.TestParty;
import io.mip.profile.consent.ConsentGrant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node operator with every byte the node stores (ledger, profile database with its WAL, blob
 * files) finds no trace of a record's content.
 */
class OperatorBlindnessTest {
  private static final String MARKER = "MARKER-7f3c9a1e-only-the-person-may-read-this";

  @TempDir Path dir;

  @Test
  void storedBytes_afterDepositGrantReadAndAnchor_containNoPlaintextMarker() throws IOException {
    List<Path> files;
    try (ProfileFixture f = new ProfileFixture(dir)) {
      TestParty person = f.person();
      TestParty clinicParty = f.app("clinic");
      AppProfile clinic = f.appProfile(clinicParty);
      PersonProfile wallet = f.personProfile(person);
      var id = clinic.deposit(person.did(), record("health.visit", MARKER)).value().id();
      wallet
          .grant(
              clinicParty.did(),
              List.of(new CategoryPattern("health.*")),
              f.clock.instant().plus(Duration.ofHours(1)),
              true,
              ConsentGrant.Disclosure.OPEN)
          .value();
      assertThat(clinic.read(id).value().record().get().envelope().content().path("text").asText())
          .isEqualTo(MARKER);
      assertThat(wallet.readAll().value()).hasSize(1);
      f.services.anchorer().anchorNow();
      files = storedFiles();
      assertThat(files).anySatisfy(p -> assertThat(p.toString()).endsWith("-wal"));
      assertNoMarker(files);
    }
    assertNoMarker(storedFiles());
  }

  private List<Path> storedFiles() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  private static void assertNoMarker(List<Path> files) throws IOException {
    List<byte[]> needles = new ArrayList<>();
    needles.add(MARKER.getBytes(StandardCharsets.UTF_8));
    needles.add(MARKER.getBytes(StandardCharsets.UTF_16LE));
    needles.add(
        Base64Url.encode(MARKER.getBytes(StandardCharsets.UTF_8))
            .substring(0, 40)
            .getBytes(StandardCharsets.US_ASCII));
    long scanned = 0;
    for (Path p : files) {
      byte[] bytes = Files.readAllBytes(p);
      scanned += bytes.length;
      for (byte[] needle : needles) {
        assertThat(indexOf(bytes, needle)).as("marker found in %s", p).isEqualTo(-1);
      }
    }
    assertThat(scanned).isGreaterThan(10_000);
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
