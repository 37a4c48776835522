package io.mip.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mip.crypto.X25519PrivateKey;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RecordSealer and ProfileReader: what opens, and what a node's tampering turns into. */
class RecordCryptoTest {
  static final String PERSON = "did:mip:person";
  static final String CLINIC = "did:mip:clinic";
  static final String SCHOOL = "did:mip:school";

  final X25519PrivateKey personKey = X25519PrivateKey.generate();
  final X25519PrivateKey clinicKey = X25519PrivateKey.generate();
  final RecordEnvelope envelope =
      new RecordEnvelope(
          new Category("health.visit"),
          "schema:visit/1",
          JsonNodeFactory.instance.objectNode().put("diagnosis", "flu"));

  Deposit seal() {
    return RecordSealer.seal(envelope, PERSON, personKey.publicKey(), CLINIC, Map.of());
  }

  static RecordMetadata meta(Deposit d, String category) {
    return new RecordMetadata(
        d.id(),
        d.binding().owner(),
        new Category(category),
        d.binding().schema(),
        d.binding().depositor(),
        d.size(),
        Instant.now());
  }

  @Test
  void open_byOwner_returnsEnvelope() {
    Deposit d = seal();
    RecordOpening o =
        new ProfileReader(PERSON, personKey)
            .open(meta(d, "health.visit"), d.ciphertext(), d.keys().get(0));
    assertThat(o.record().get().envelope()).isEqualTo(envelope);
  }

  @Test
  void open_alteredCiphertext_hashMismatch() {
    Deposit d = seal();
    byte[] ct = d.ciphertext();
    ct[20] ^= 1;
    RecordOpening o =
        new ProfileReader(PERSON, personKey).open(meta(d, "health.visit"), ct, d.keys().get(0));
    assertThat(o.failure()).contains(RecordOpening.Failure.HASH_MISMATCH);
  }

  @Test
  void open_relabelledByNode_decryptionFails() {
    Deposit d = seal();
    RecordOpening o =
        new ProfileReader(PERSON, personKey)
            .open(meta(d, "app.preferences"), d.ciphertext(), d.keys().get(0));
    assertThat(o.failure()).contains(RecordOpening.Failure.DECRYPTION_FAILED);
  }

  @Test
  void open_keyForSomeoneElse_unwrapFails() {
    Deposit d = seal();
    RecordOpening o =
        new ProfileReader(CLINIC, clinicKey)
            .open(meta(d, "health.visit"), d.ciphertext(), d.keys().get(0));
    assertThat(o.failure()).contains(RecordOpening.Failure.KEY_UNWRAP_FAILED);
  }

  @Test
  void rewrap_forApp_appOpensAndOtherRecipientCannot() {
    Deposit d = seal();
    RecordMetadata m = meta(d, "health.visit");
    ProfileReader person = new ProfileReader(PERSON, personKey);
    WrappedKey forClinic =
        person.rewrap(m, d.ciphertext(), d.keys().get(0), CLINIC, clinicKey.publicKey()).get();
    assertThat(new ProfileReader(CLINIC, clinicKey).open(m, d.ciphertext(), forClinic).isOpened())
        .isTrue();
    WrappedKey moved = new WrappedKey(SCHOOL, forClinic.sealed());
    assertThat(new ProfileReader(SCHOOL, clinicKey).open(m, d.ciphertext(), moved).failure())
        .contains(RecordOpening.Failure.KEY_UNWRAP_FAILED);
  }

  @Test
  void rewrap_relabelledRecord_refusesToShareKey() {
    Deposit d = seal();
    RecordMetadata lie = meta(d, "app.preferences");
    assertThat(
            new ProfileReader(PERSON, personKey)
                .rewrap(lie, d.ciphertext(), d.keys().get(0), CLINIC, clinicKey.publicKey()))
        .isEmpty();
  }

  @Test
  void open_nearlyOneMebibyteRecord_roundTrips() {
    RecordEnvelope big =
        new RecordEnvelope(
            new Category("health.scan"),
            "schema:scan/1",
            JsonNodeFactory.instance.objectNode().put("image", "A".repeat(1_000_000)));
    Deposit d = RecordSealer.seal(big, PERSON, personKey.publicKey(), CLINIC, Map.of());
    RecordOpening o =
        new ProfileReader(PERSON, personKey)
            .open(meta(d, "health.scan"), d.ciphertext(), d.keys().get(0));
    assertThat(o.record().get().envelope()).isEqualTo(big);
  }

  @Test
  void seal_twice_differentCiphertextsAndIds() {
    assertThat(seal().id()).isNotEqualTo(seal().id());
  }
}
