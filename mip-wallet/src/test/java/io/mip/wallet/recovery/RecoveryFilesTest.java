package io.mip.wallet.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Hpke;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.mip.DidMipOperations;
import io.mip.ledger.testing.MutableClock;
import io.mip.wallet.internal.JsonFields;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public recovery files: strict parsing, round trips, and what binds them together. */
class RecoveryFilesTest {
  static final String SET = "AAAAAAAAAAAAAAAAAAAAAA";

  static String did() {
    return DidMipOperations.didOf(
        DidMipOperations.create(
            Ed25519PrivateKey.generate(), X25519PrivateKey.generate().publicKey(), List.of()));
  }

  final String owner = did();
  final List<String> guardians = List.of(did(), did(), did());
  final GuardianTerms terms = new GuardianTerms(owner, guardians, 2, SET, 0);

  @Test
  void shareEnvelope_fileRoundTrip_equalTermsAndCiphertext() {
    X25519PrivateKey g = X25519PrivateKey.generate();
    Hpke.Sealed sealed = Hpke.seal(g.publicKey(), ShareEnvelope.info(terms, 2), null, new byte[33]);
    ShareEnvelope e = new ShareEnvelope(terms, 2, sealed);

    ShareEnvelope back =
        ShareEnvelope.fromJson(JsonFields.parseObject(JsonFields.write(e.toJson()), "share"));

    assertThat(back.terms()).isEqualTo(terms);
    assertThat(back.guardianDid()).isEqualTo(guardians.get(1));
    assertThat(back.sealed()).isEqualTo(sealed);
    assertThat(Hpke.open(g, back.sealed(), back.info(), null).isSuccess()).isTrue();
  }

  @Test
  void shareInfo_otherIndexOrSet_differs() {
    GuardianTerms otherSet = new GuardianTerms(owner, guardians, 2, "BBBBBBBBBBBBBBBBBBBBBB", 0);

    assertThat(ShareEnvelope.info(terms, 1)).isNotEqualTo(ShareEnvelope.info(terms, 2));
    assertThat(ShareEnvelope.info(terms, 1)).isNotEqualTo(ShareEnvelope.info(otherSet, 1));
  }

  @Test
  void terms_duplicateOwnerOrBadThreshold_refused() {
    String g = guardians.get(0);
    assertThatThrownBy(() -> new GuardianTerms(owner, List.of(g, g), 2, SET, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GuardianTerms(owner, List.of(g, owner), 2, SET, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GuardianTerms(owner, guardians, 1, SET, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GuardianTerms(owner, guardians, 4, SET, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GuardianTerms(owner, List.of(g, "did:key:z6Mk"), 2, SET, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recoveryKey_secretFileRoundTrip_sameRequestAndCode() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    RecoveryKey k = RecoveryKey.create(owner, clock, Duration.ofDays(7));

    RecoveryKey back =
        RecoveryKey.fromSecretJson(JsonFields.parseObject(JsonFields.write(k.toSecretJson()), "k"));
    RecoveryRequest pub =
        RecoveryRequest.fromJson(
            JsonFields.parseObject(JsonFields.write(k.request().toJson()), "r"));

    assertThat(back.request()).isEqualTo(k.request());
    assertThat(pub).isEqualTo(k.request());
    assertThat(pub.code())
        .matches("[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{2}")
        .isEqualTo(k.request().code());
    assertThat(pub.toJson().has("secret")).isFalse();
    assertThat(k.toString()).doesNotContain(k.toSecretJson().get("secret").asText());
  }

  @Test
  void recoveryRequest_publicFileUsedAsSecretFile_refused() {
    RecoveryKey k = RecoveryKey.create(owner, new MutableClock(Instant.EPOCH), Duration.ofDays(1));

    assertThatThrownBy(() -> RecoveryKey.fromSecretJson(k.request().toJson()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void approval_fileRoundTrip_signatureStillVerifies() {
    Ed25519PrivateKey guardianKey = Ed25519PrivateKey.generate();
    RecoveryKey k = RecoveryKey.create(owner, new MutableClock(Instant.EPOCH), Duration.ofDays(1));
    byte[] info = RecoveryApproval.info(k.request(), terms, 3);
    Hpke.Sealed sealed = Hpke.seal(k.request().key(), info, null, new byte[33]);
    RecoveryApproval a = RecoveryApproval.sign(k.request(), terms, 3, sealed, guardianKey.signer());

    RecoveryApproval back =
        RecoveryApproval.fromJson(JsonFields.parseObject(JsonFields.write(a.toJson()), "a"));

    assertThat(back).isEqualTo(a);
    assertThat(back.guardianDid()).isEqualTo(guardians.get(2));
    assertThat(guardianKey.publicKey().verifier().verify(back.signedBytes(), back.signature()))
        .isTrue();
    assertThat(k.open(back.sealed(), info).isSuccess()).isTrue();
  }
}
