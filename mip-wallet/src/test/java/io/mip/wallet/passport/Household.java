package io.mip.wallet.passport;

import static io.mip.face.TestModels.photos;

import io.mip.crypto.Argon2idParameters;
import io.mip.face.TestModels;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.ledger.testing.MutableClock;
import io.mip.wallet.TestLedgers;
import io.mip.wallet.recovery.GuardianSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A test fixture on a real embedded ledger: an owner (Angelina Jolie's photos) with three guardians
 * (Katy Perry, Scarlett Johansson, Matt Damon), each with their own passport, and a 2-of-3 split.
 */
final class Household implements AutoCloseable {
  static final char[] OWNER_PIN = "482916".toCharArray();
  static final char[] GUARDIAN_PIN = "5550123".toCharArray();
  static final String[][] GUARDIAN_FACES = {
    {"deepface/img26.jpg", "deepface/img27.jpg", "deepface/img28.jpg"},
    {"deepface/img8.jpg", "deepface/img9.jpg", "deepface/img47.jpg"},
    {"deepface/img29.jpg", "deepface/img30.jpg", "deepface/img31.jpg"}
  };

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  final EmbeddedLedger ledger;
  final DidRegistry registry;
  final PassportService service;
  final Path dir;
  final PassportSession owner;
  final List<PassportSession> guardians = new ArrayList<>();
  final GuardianSet set;

  Household(Path dir) {
    this.dir = dir;
    ledger = TestLedgers.open(dir.resolve("ledger"));
    registry = DidRegistry.of(ledger);
    service =
        new PassportService(
            TestModels.engine(),
            PassportSettings.DEFAULT.withKdf(Argon2idParameters.MINIMUM).withClock(clock));
    owner =
        service
            .create(
                photos("deepface/img1.jpg", "deepface/img2.jpg", "deepface/img4.jpg"),
                OWNER_PIN.clone(),
                registry,
                dir.resolve("owner.passport"))
            .value()
            .session();
    for (int i = 0; i < GUARDIAN_FACES.length; i++) {
      guardians.add(
          service
              .create(
                  photos(GUARDIAN_FACES[i]),
                  GUARDIAN_PIN.clone(),
                  registry,
                  dir.resolve("guardian" + i + ".passport"))
              .value()
              .session());
    }
    set =
        service
            .setGuardians(owner, guardians.stream().map(PassportSession::did).toList(), 2, registry)
            .value();
  }

  @Override
  public void close() {
    ledger.close();
  }
}
