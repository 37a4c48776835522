package io.mip.wallet.passport;

import static io.mip.face.TestModels.photo;
import static io.mip.face.TestModels.photos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.crypto.Argon2idParameters;
import io.mip.did.DidDocument;
import io.mip.did.VerificationRelationship;
import io.mip.did.mip.DidMipResolver;
import io.mip.face.TestModels;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.ledger.testing.MutableClock;
import io.mip.wallet.TestLedgers;
import io.mip.wallet.passport.PassportFailure.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Create and unlock with real photos, real models and a real embedded ledger. */
class PassportServiceTest {
  static final List<String> ANGELINA_ENROL =
      List.of("deepface/img1.jpg", "deepface/img2.jpg", "deepface/img4.jpg");
  static final List<String> ANGELINA_UNLOCK = List.of("deepface/img5.jpg", "deepface/img6.jpg");
  static final List<String> MATT = List.of("deepface/img29.jpg", "deepface/img30.jpg");
  static final char[] PIN = "482916".toCharArray();

  @TempDir Path dir;
  MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  EmbeddedLedger ledger;
  DidRegistry registry;
  PassportService service;
  Path wallet;

  @BeforeEach
  void setUp() {
    ledger = TestLedgers.open(dir.resolve("ledger"));
    registry = DidRegistry.of(ledger);
    service =
        new PassportService(
            TestModels.engine(),
            PassportSettings.DEFAULT.withKdf(Argon2idParameters.MINIMUM).withClock(clock));
    wallet = dir.resolve("alice.passport");
  }

  @AfterEach
  void tearDown() {
    ledger.close();
  }

  PassportSession create() {
    var created =
        service.create(
            photos(ANGELINA_ENROL.toArray(String[]::new)), PIN.clone(), registry, wallet);
    assertThat(created.failure()).isEmpty();
    return created.value().session();
  }

  @Test
  void unlock_twoOtherPhotosOfTheSamePerson_signatureVerifiesAgainstDidDocument() {
    String did = create().did();

    var unlocked = service.unlock(wallet, photos(ANGELINA_UNLOCK.toArray(String[]::new)), PIN);

    assertThat(unlocked.failure()).isEmpty();
    PassportSession session = unlocked.value();
    assertThat(session.did()).isEqualTo(did);
    byte[] challenge = "login nonce 42".getBytes(StandardCharsets.UTF_8);
    byte[] sig = session.sign(challenge);
    DidDocument doc = new DidMipResolver(ledger).resolve(did).didDocument().orElseThrow();
    var key = doc.methodsFor(VerificationRelationship.AUTHENTICATION).get(0).ed25519Key();
    assertThat(key).isPresent();
    assertThat(key.get().verifier().verify(challenge, sig)).isTrue();
    assertThat(key.get().verifier().verify("other".getBytes(StandardCharsets.UTF_8), sig))
        .isFalse();
  }

  @Test
  void create_newPassport_fileIsOwnerOnlyAndDidOnLedger() throws Exception {
    String did = create().did();

    assertThat(Files.getPosixFilePermissions(wallet))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(registry.state(did)).isPresent();
    Passport p = PassportFile.read(wallet);
    assertThat(p.did()).isEqualTo(did);
    assertThat(p.captures()).isEqualTo(3);
    assertThat(p.epoch()).isZero();
  }

  @Test
  void unlock_anotherPersonsPhotos_faceMismatch() {
    create();

    List<byte[]> matt = photos(MATT.toArray(String[]::new));

    var r = service.unlock(wallet, matt, PIN);

    assertThat(r.reason()).contains(FaceChecks.expectedForAnotherFace(wallet, matt));
  }

  @Test
  void unlock_wrongPin_wrongPin() {
    create();

    var r =
        service.unlock(
            wallet, photos(ANGELINA_UNLOCK.toArray(String[]::new)), "000000".toCharArray());

    assertThat(r.reason()).contains(Reason.WRONG_PIN);
  }

  @Test
  void unlock_repeatedFailures_lockedOutWithDoublingBackoffThenResetOnSuccess() {
    create();
    List<byte[]> face = photos(ANGELINA_UNLOCK.toArray(String[]::new));
    char[] wrong = "111111".toCharArray();
    for (int i = 0; i < 3; i++) {
      assertThat(service.unlock(wallet, face, wrong).reason()).contains(Reason.WRONG_PIN);
    }

    var locked = service.unlock(wallet, face, PIN);
    assertThat(locked.reason()).contains(Reason.LOCKED_OUT);
    assertThat(locked.failure().orElseThrow().retryAfter()).isEqualTo(Duration.ofSeconds(30));

    clock.advance(Duration.ofSeconds(30));
    assertThat(service.unlock(wallet, face, wrong).reason()).contains(Reason.WRONG_PIN);
    var again = service.unlock(wallet, face, PIN);
    assertThat(again.failure().orElseThrow().retryAfter()).isEqualTo(Duration.ofSeconds(60));

    clock.advance(Duration.ofSeconds(60));
    assertThat(service.unlock(wallet, face, PIN).failure()).isEmpty();
    assertThat(PassportFile.read(wallet).attempts()).isEqualTo(AttemptState.CLEAR);
  }

  @Test
  void unlock_lockedFileRestoredFromOlderCopy_stillLockedInProcess() throws Exception {
    create();
    byte[] clean = Files.readAllBytes(wallet);
    List<byte[]> face = photos(ANGELINA_UNLOCK.toArray(String[]::new));
    for (int i = 0; i < 3; i++) {
      service.unlock(wallet, face, "111111".toCharArray());
    }
    Files.write(wallet, clean);

    assertThat(service.unlock(wallet, face, PIN).reason()).contains(Reason.LOCKED_OUT);
  }

  @Test
  void unlock_imageWithoutFace_noFaceAndNotCounted() {
    create();

    var r = service.unlock(wallet, List.of(TestModels.noFace()), PIN);

    assertThat(r.reason()).contains(Reason.NO_FACE);
    assertThat(r.failure().orElseThrow().imageIndex()).isZero();
    assertThat(PassportFile.read(wallet).attempts().failures()).isZero();
  }

  @Test
  void unlock_twoFaces_multipleFaces() {
    create();

    var r =
        service.unlock(
            wallet, List.of(photo(ANGELINA_UNLOCK.get(0)), photo("deepface/couple.jpg")), PIN);

    assertThat(r.reason()).contains(Reason.MULTIPLE_FACES);
    assertThat(r.failure().orElseThrow().imageIndex()).isEqualTo(1);
  }

  @Test
  void unlock_garbageBytes_unreadableImage() {
    create();
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);

    assertThat(service.unlock(wallet, List.of(garbage), PIN).reason())
        .contains(Reason.UNREADABLE_IMAGE);
  }

  @Test
  void create_imageWithoutFace_refusedWithItsIndexAndNoFile() {
    var r =
        service.create(
            List.of(photo("deepface/img1.jpg"), photo("deepface/img2.jpg"), TestModels.noFace()),
            PIN.clone(),
            registry,
            wallet);

    assertThat(r.reason()).contains(Reason.NO_FACE);
    assertThat(r.failure().orElseThrow().imageIndex()).isEqualTo(2);
    assertThat(wallet).doesNotExist();
  }

  @Test
  void create_twoImages_refused() {
    assertThatThrownBy(
            () ->
                service.create(
                    photos("deepface/img1.jpg", "deepface/img2.jpg"), PIN, registry, wallet))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void create_shortPin_refused() {
    assertThatThrownBy(
            () ->
                service.create(
                    photos(ANGELINA_ENROL.toArray(String[]::new)),
                    "12".toCharArray(),
                    registry,
                    wallet))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void create_existingFile_refused() throws Exception {
    Files.writeString(wallet, "keep me");

    assertThatThrownBy(
            () ->
                service.create(
                    photos(ANGELINA_ENROL.toArray(String[]::new)), PIN, registry, wallet))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Files.readString(wallet)).isEqualTo("keep me");
  }

  @Test
  void session_closed_refusesToSign() {
    PassportSession s = create();
    s.close();

    assertThatThrownBy(() -> s.sign(new byte[1])).isInstanceOf(IllegalStateException.class);
  }
}
