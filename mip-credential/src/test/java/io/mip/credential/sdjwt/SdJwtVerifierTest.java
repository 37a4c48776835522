package io.mip.credential.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import io.mip.credential.internal.Json;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SdJwtVerifierTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final String KID = "did:mip:issuer#key-1";
  final Ed25519PrivateKey issuerKey = Ed25519PrivateKey.generate();
  final Ed25519PrivateKey holderKey = Ed25519PrivateKey.generate();
  final SdJwtVerifier verifier =
      new SdJwtVerifier(
          (h, p) ->
              KID.equals(h.getKeyID())
                  ? Optional.of(new Ed25519JwsVerifier(issuerKey.publicKey()))
                  : Optional.empty());

  SdJwtVerifierOptions options() {
    return SdJwtVerifierOptions.defaults()
        .withKeyBinding("n-1", "https://clinic.example")
        .withClock(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30));
  }

  SdJwt issue(long expOffsetSeconds) {
    ObjectNode visible = JsonNodeFactory.instance.objectNode();
    visible.put("iss", "did:mip:issuer");
    visible.put("iat", NOW.getEpochSecond() - 60);
    visible.put("exp", NOW.getEpochSecond() + expOffsetSeconds);
    visible.put("vct", "urn:mip:kyc:v1");
    visible.set("cnf", HolderKeys.cnf(holderKey.publicKey()));
    Map<String, JsonNode> sd = new LinkedHashMap<>();
    sd.put("given_name", TextNode.valueOf("Anna"));
    sd.put("family_name", TextNode.valueOf("Eriksson"));
    sd.put("age_over_18", JsonNodeFactory.instance.booleanNode(true));
    return new SdJwtIssuer(issuerKey.signer(), KID, SdJwtIssuer.SD_JWT_VC_TYPE)
        .issue(visible, sd, 3);
  }

  String present(SdJwt cred, Set<String> names) {
    return SdJwt.present(cred, names, holderKey.signer(), "n-1", "https://clinic.example", NOW)
        .serialize();
  }

  @Test
  void verify_presentationOfChosenClaims_disclosesOnlyThose() {
    SdJwtResult r = verifier.verify(present(issue(3600), Set.of("given_name")), options());

    assertThat(r.detail()).isEqualTo("ok");
    assertThat(r.verified().claims().get("given_name").asText()).isEqualTo("Anna");
    assertThat(r.verified().claims().has("family_name")).isFalse();
    assertThat(r.verified().header().getKeyID()).isEqualTo(KID);
  }

  @Test
  void verify_extraDisclosureFromAnotherCredential_failsNotInCredential() {
    String p = present(issue(3600), Set.of("given_name"));
    Disclosure foreign = Disclosure.ofProperty("family_name", TextNode.valueOf("Mallory"));
    int cut = p.lastIndexOf('~');
    String tampered = p.substring(0, cut + 1) + foreign.encoded() + p.substring(cut);

    assertThat(verifier.verify(tampered, options()).failure())
        .contains(SdJwtReason.DISCLOSURE_NOT_IN_CREDENTIAL);
  }

  @Test
  void verify_tamperedDisclosureValue_failsNotInCredential() {
    SdJwt cred = issue(3600);
    Disclosure real = cred.disclosures().get(0);
    Disclosure forged = Disclosure.create(real.salt(), real.name(), TextNode.valueOf("Eve"));
    SdJwt swapped = new SdJwt(cred.issuerSignedJwt(), java.util.List.of(forged), null);

    SdJwtResult r = verifier.verify(swapped.serialize(), options().withoutRequiredKeyBinding());

    assertThat(r.failure()).contains(SdJwtReason.DISCLOSURE_NOT_IN_CREDENTIAL);
  }

  @Test
  void verify_sameDisclosureTwice_failsDuplicateDisclosure() {
    SdJwt cred = issue(3600);
    Disclosure d = cred.disclosures().get(0);
    String twice = cred.issuerSignedJwt() + "~" + d.encoded() + "~" + d.encoded() + "~";

    SdJwtResult r = verifier.verify(twice, options().withoutRequiredKeyBinding());

    assertThat(r.failure()).contains(SdJwtReason.DUPLICATE_DISCLOSURE);
  }

  @Test
  void verify_withoutKeyBindingJwt_failsKeyBindingMissing() {
    String noKb = issue(3600).select(Set.of("given_name")).serialize();

    assertThat(verifier.verify(noKb, options()).failure())
        .contains(SdJwtReason.KEY_BINDING_MISSING);
  }

  @Test
  void verify_keyBindingSignedByAnotherKey_failsKeyBindingInvalid() {
    String p =
        SdJwt.present(
                issue(3600),
                Set.of("given_name"),
                Ed25519PrivateKey.generate().signer(),
                "n-1",
                "https://clinic.example",
                NOW)
            .serialize();

    assertThat(verifier.verify(p, options()).failure()).contains(SdJwtReason.KEY_BINDING_INVALID);
  }

  @Test
  void verify_wrongNonce_failsNonceMismatch() {
    SdJwtVerifierOptions o = options().withKeyBinding("n-2", "https://clinic.example");

    assertThat(verifier.verify(present(issue(3600), Set.of()), o).failure())
        .contains(SdJwtReason.NONCE_MISMATCH);
  }

  @Test
  void verify_wrongAudience_failsAudienceMismatch() {
    SdJwtVerifierOptions o = options().withKeyBinding("n-1", "https://school.example");

    assertThat(verifier.verify(present(issue(3600), Set.of()), o).failure())
        .contains(SdJwtReason.AUDIENCE_MISMATCH);
  }

  @Test
  void verify_disclosureRemovedAfterKeyBinding_failsSdHashMismatch() {
    SdJwt p =
        SdJwt.present(
            issue(3600),
            Set.of("given_name", "family_name"),
            holderKey.signer(),
            "n-1",
            "https://clinic.example",
            NOW);
    SdJwt stripped =
        new SdJwt(p.issuerSignedJwt(), p.disclosures().subList(0, 1), p.keyBindingJwt());

    assertThat(verifier.verify(stripped.serialize(), options()).failure())
        .contains(SdJwtReason.SD_HASH_MISMATCH);
  }

  @Test
  void verify_expiredCredential_failsExpired() {
    assertThat(verifier.verify(present(issue(-31), Set.of()), options()).failure())
        .contains(SdJwtReason.EXPIRED);
  }

  @Test
  void verify_expiredWithinClockSkew_passes() {
    assertThat(verifier.verify(present(issue(-10), Set.of()), options()).isValid()).isTrue();
  }

  @Test
  void verify_credentialIssuedInTheFuture_failsNotYetValid() {
    String p = present(issue(3600), Set.of());
    SdJwtVerifierOptions early =
        options().withClock(Clock.fixed(NOW.minusSeconds(600), ZoneOffset.UTC), Duration.ZERO);

    assertThat(verifier.verify(p, early).failure()).contains(SdJwtReason.NOT_YET_VALID);
  }

  @Test
  void verify_unknownKid_failsUnknownIssuerKey() {
    SdJwt cred =
        new SdJwtIssuer(issuerKey.signer(), "did:mip:other#key-1", SdJwtIssuer.SD_JWT_VC_TYPE)
            .issue(JsonNodeFactory.instance.objectNode(), Map.of(), 0);

    assertThat(verifier.verify(cred.serialize(), options().withoutRequiredKeyBinding()).failure())
        .contains(SdJwtReason.UNKNOWN_ISSUER_KEY);
  }

  @Test
  void verify_signedByAnotherKey_failsBadIssuerSignature() {
    SdJwt cred =
        new SdJwtIssuer(Ed25519PrivateKey.generate().signer(), KID, SdJwtIssuer.SD_JWT_VC_TYPE)
            .issue(JsonNodeFactory.instance.objectNode(), Map.of(), 0);

    assertThat(verifier.verify(cred.serialize(), options().withoutRequiredKeyBinding()).failure())
        .contains(SdJwtReason.BAD_ISSUER_SIGNATURE);
  }

  @Test
  void verify_algNone_failsUnsupportedAlgorithm() {
    SdJwt cred = issue(3600);
    String payload = cred.issuerSignedJwt().split("\\.")[1];
    String header =
        Base64Url.encode(
            "{\"alg\":\"none\",\"typ\":\"dc+sd-jwt\",\"kid\":\"did:mip:issuer#key-1\"}"
                .getBytes(StandardCharsets.UTF_8));
    String unsigned = header + "." + payload + ".~";

    SdJwtResult r = verifier.verify(unsigned, options().withoutRequiredKeyBinding());

    assertThat(r.failure()).contains(SdJwtReason.UNSUPPORTED_ALGORITHM);
    assertThat(r.detail()).contains("none");
  }

  @Test
  void verify_hmacWithIssuerPublicKeyAsSecret_failsUnsupportedAlgorithm() throws JOSEException {
    SdJwt cred = issue(3600);
    String payload =
        new String(
            Base64Url.decode(cred.issuerSignedJwt().split("\\.")[1]), StandardCharsets.UTF_8);
    JWSObject forged =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("dc+sd-jwt"))
                .keyID(KID)
                .build(),
            new Payload(payload));
    byte[] secret = new byte[32];
    System.arraycopy(issuerKey.publicKey().toBytes(), 0, secret, 0, 32);
    forged.sign(new MACSigner(secret));

    SdJwtResult r =
        verifier.verify(forged.serialize() + "~", options().withoutRequiredKeyBinding());

    assertThat(r.failure()).contains(SdJwtReason.UNSUPPORTED_ALGORITHM);
    assertThat(r.detail()).contains("HMAC");
  }

  @Test
  void verify_tokenOverSizeLimit_failsTooLarge() {
    String huge = issue(3600).serialize() + "A".repeat(SdJwt.MAX_BYTES);

    assertThat(verifier.verify(huge, options()).failure()).contains(SdJwtReason.TOO_LARGE);
  }

  @Test
  void verify_tooManyDisclosures_failsTooLarge() {
    String many = issue(3600).issuerSignedJwt() + "~x".repeat(200) + "~";

    assertThat(verifier.verify(many, options()).failure()).contains(SdJwtReason.TOO_LARGE);
  }

  @Test
  void verify_garbage_failsMalformed() {
    assertThat(verifier.verify("not.a~token", options()).failure()).contains(SdJwtReason.MALFORMED);
  }

  @Test
  void verify_wrongTyp_failsMalformed() {
    SdJwt cred =
        new SdJwtIssuer(issuerKey.signer(), KID, "JWT")
            .issue(JsonNodeFactory.instance.objectNode(), Map.of(), 0);

    assertThat(verifier.verify(cred.serialize(), options().withoutRequiredKeyBinding()).failure())
        .contains(SdJwtReason.MALFORMED);
  }

  @Test
  void present_unknownClaim_isRefused() {
    SdJwt cred = issue(3600);

    assertThatThrownBy(() -> SdJwt.present(cred, Set.of("ssn"), holderKey.signer(), "n", "a", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ssn");
  }

  @Test
  void parse_serializeRoundTrip_isIdentical() {
    String p = present(issue(3600), Set.of("given_name", "age_over_18"));

    assertThat(SdJwt.parse(p).serialize()).isEqualTo(p);
    assertThat(SdJwt.parse(p).disclosures()).hasSize(2);
  }

  @Test
  void issue_payload_hidesDisclosableClaimsBehindSortedDigests() {
    SdJwt cred = issue(3600);
    JsonNode payload = Json.parse(Base64Url.decode(cred.issuerSignedJwt().split("\\.")[1]));

    assertThat(payload.has("given_name")).isFalse();
    assertThat(payload.get("_sd")).hasSize(6);
    assertThat(payload.get("_sd_alg").asText()).isEqualTo("sha-256");
    assertThat(payload.get("_sd").get(0).asText()).isLessThan(payload.get("_sd").get(1).asText());
  }
}
