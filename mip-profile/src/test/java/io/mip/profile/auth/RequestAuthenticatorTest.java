package io.mip.profile.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.X25519PublicKey;
import io.mip.ledger.testing.MutableClock;
import io.mip.profile.auth.AuthOutcome.Failure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestAuthenticatorTest {
  static final String AUD = "mip-node-test";
  static final String CLINIC = "did:mip:clinic";
  static final String SCHOOL = "did:mip:school";
  static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

  final Ed25519PrivateKey clinicKey = Ed25519PrivateKey.generate();
  final Ed25519PrivateKey schoolKey = Ed25519PrivateKey.generate();
  final MutableClock clock = new MutableClock();

  /** A directory of two parties' keys (the node resolves DIDs; this test fixes them). */
  final PartyKeys keys =
      new PartyKeys() {
        final Map<String, Ed25519PublicKey> k =
            Map.of(CLINIC, clinicKey.publicKey(), SCHOOL, schoolKey.publicKey());

        @Override
        public Optional<Ed25519PublicKey> signingKey(String did) {
          return Optional.ofNullable(k.get(did));
        }

        @Override
        public Optional<X25519PublicKey> agreementKey(String did) {
          return Optional.empty();
        }
      };

  final RequestAuthenticator auth = new RequestAuthenticator(AUD, keys, clock);

  String header(String did, Ed25519PrivateKey key) {
    return new RequestSigner(did, key, clock).authorization(AUD, "POST", "/profile/records", BODY);
  }

  AuthOutcome check(String header) {
    return auth.authenticate(header, "POST", "/profile/records", BODY);
  }

  @Test
  void authenticate_validRequest_acceptsCaller() {
    assertThat(check(header(CLINIC, clinicKey)).party()).contains(CLINIC);
  }

  @Test
  void authenticate_sameHeaderTwice_secondRefusedReplayed() {
    String h = header(CLINIC, clinicKey);
    assertThat(check(h).accepted()).isTrue();
    assertThat(check(h).failure()).contains(Failure.REPLAYED);
  }

  @Test
  void authenticate_afterExpiry_refusedExpired() {
    String h = header(CLINIC, clinicKey);
    clock.advance(Duration.ofSeconds(40));
    assertThat(check(h).failure()).contains(Failure.EXPIRED);
  }

  @Test
  void authenticate_tokenLivingTooLong_refusedExpired() {
    Instant now = clock.instant();
    RequestClaims c =
        new RequestClaims(
            CLINIC,
            AUD,
            now,
            now.plusSeconds(120),
            "a".repeat(24),
            "POST",
            "/profile/records",
            RequestClaims.bodyHash(BODY));
    assertThat(check("MIP " + RequestToken.sign(c, clinicKey)).failure()).contains(Failure.EXPIRED);
  }

  @Test
  void authenticate_signedWithAnotherAppsKey_refusedBadSignature() {
    assertThat(check(header(CLINIC, schoolKey)).failure()).contains(Failure.BAD_SIGNATURE);
  }

  @Test
  void authenticate_unknownIssuer_refusedUnknownParty() {
    assertThat(check(header("did:mip:nobody", clinicKey)).failure())
        .contains(Failure.UNKNOWN_PARTY);
  }

  @Test
  void authenticate_otherBodyMethodOrTarget_refusedRequestMismatch() {
    String h = header(CLINIC, clinicKey);
    assertThat(auth.authenticate(h, "POST", "/profile/records", new byte[0]).failure())
        .contains(Failure.REQUEST_MISMATCH);
    assertThat(auth.authenticate(h, "PUT", "/profile/records", BODY).failure())
        .contains(Failure.REQUEST_MISMATCH);
    assertThat(auth.authenticate(h, "POST", "/profile/grants", BODY).failure())
        .contains(Failure.REQUEST_MISMATCH);
  }

  @Test
  void authenticate_otherAudience_refusedWrongAudience() {
    String h =
        new RequestSigner(CLINIC, clinicKey, clock)
            .authorization("another-node", "POST", "/profile/records", BODY);
    assertThat(check(h).failure()).contains(Failure.WRONG_AUDIENCE);
  }

  @Test
  void authenticate_missingOrMalformed_refused() {
    assertThat(check(null).failure()).contains(Failure.MISSING);
    assertThat(check("Bearer abc").failure()).contains(Failure.MISSING);
    assertThat(check("MIP a.b.c").failure()).contains(Failure.MALFORMED);
    String none =
        Base64Url.encode(
            "{\"alg\":\"none\",\"typ\":\"mip-request+jwt\"}".getBytes(StandardCharsets.UTF_8));
    String[] parts = header(CLINIC, clinicKey).substring(4).split("\\.");
    assertThat(check("MIP " + none + "." + parts[1] + "." + parts[2]).failure())
        .contains(Failure.MALFORMED);
  }

  @Test
  void authenticate_replayCacheFull_failsClosed() {
    RequestAuthenticator tiny = new RequestAuthenticator(AUD, keys, clock, 1);
    assertThat(
            tiny.authenticate(header(CLINIC, clinicKey), "POST", "/profile/records", BODY)
                .accepted())
        .isTrue();
    assertThat(
            tiny.authenticate(header(CLINIC, clinicKey), "POST", "/profile/records", BODY)
                .failure())
        .contains(Failure.BUSY);
    clock.advance(Duration.ofSeconds(40));
    assertThat(
            tiny.authenticate(header(CLINIC, clinicKey), "POST", "/profile/records", BODY)
                .accepted())
        .isTrue();
  }
}
