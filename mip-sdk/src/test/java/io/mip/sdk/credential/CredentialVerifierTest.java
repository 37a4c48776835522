package io.mip.sdk.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import io.mip.credential.kyc.KycResult;
import io.mip.credential.sdjwt.Disclosure;
import io.mip.credential.sdjwt.HolderKeys;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.credential.sdjwt.SdJwtIssuer;
import io.mip.credential.testing.Testbed;
import io.mip.crypto.Base64Url;
import io.mip.sdk.credential.VerificationResult.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialVerifierTest {
  static final String AUD = "https://clinic.example";
  @TempDir static Path dir;
  KycFixture fx;
  SdJwt credential;
  int index;

  @BeforeAll
  void setUp() {
    fx = new KycFixture(dir);
    KycResult r = fx.issueKyc();
    assertThat(r.detail()).isEqualTo("ok");
    credential = r.credential();
    index = r.statusIndex();
  }

  @AfterAll
  void tearDown() {
    fx.close();
  }

  CredentialVerifier verifier() {
    return fx.verifier(CredentialVerifier.Settings.defaults().withCacheTtl(Duration.ZERO));
  }

  String present(String nonce) {
    return fx.present(credential, Set.of("age_over_18", "given_name"), nonce, AUD);
  }

  @Test
  void verify_validPresentation_returnsOnlyDisclosedClaims() {
    VerificationResult r = verifier().verify(present("n1"), "n1", AUD);

    assertThat(r.detail()).isEqualTo("ok");
    assertThat(r.claims().get("age_over_18").asBoolean()).isTrue();
    assertThat(r.claims().get("given_name").asText()).isEqualTo("ANNA MARIA");
    assertThat(r.claims().has("birthdate")).isFalse();
    assertThat(r.claims().has("document_number")).isFalse();
  }

  @Test
  void verify_wrongNonce_failsNonceMismatch() {
    assertThat(verifier().verify(present("n1"), "n2", AUD).failure())
        .contains(Reason.NONCE_MISMATCH);
  }

  @Test
  void verify_wrongAudience_failsAudienceMismatch() {
    assertThat(verifier().verify(present("n1"), "n1", "https://other.example").failure())
        .contains(Reason.AUDIENCE_MISMATCH);
  }

  @Test
  void verify_noKeyBinding_failsKeyBindingMissing() {
    String bare = credential.select(Set.of("given_name")).serialize();

    assertThat(verifier().verify(bare, "n1", AUD).failure()).contains(Reason.KEY_BINDING_MISSING);
  }

  @Test
  void verify_keyBindingByAnotherKey_failsKeyBindingInvalid() {
    String p =
        SdJwt.present(
                credential,
                Set.of("given_name"),
                io.mip.crypto.Ed25519PrivateKey.generate().signer(),
                "n1",
                AUD,
                Instant.now())
            .serialize();

    assertThat(verifier().verify(p, "n1", AUD).failure()).contains(Reason.KEY_BINDING_INVALID);
  }

  @Test
  void verify_extraDisclosure_failsDisclosureNotInCredential() {
    String p = present("n1");
    Disclosure extra =
        Disclosure.ofProperty(
            "family_name", com.fasterxml.jackson.databind.node.TextNode.valueOf("X"));
    int cut = p.lastIndexOf('~');
    String tampered = p.substring(0, cut + 1) + extra.encoded() + p.substring(cut);

    assertThat(verifier().verify(tampered, "n1", AUD).failure())
        .contains(Reason.DISCLOSURE_NOT_IN_CREDENTIAL);
  }

  @Test
  void verify_afterExpiry_failsExpired() {
    Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(400)), ZoneOffset.UTC);
    CredentialVerifier v =
        fx.verifier(
            CredentialVerifier.Settings.defaults().withClock(later, Duration.ofSeconds(60)));

    assertThat(v.verify(present("n1"), "n1", AUD).failure()).contains(Reason.EXPIRED);
  }

  @Test
  void verify_beforeIssuance_failsNotYetValid() {
    Clock earlier = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
    CredentialVerifier v =
        fx.verifier(
            CredentialVerifier.Settings.defaults().withClock(earlier, Duration.ofSeconds(60)));

    assertThat(v.verify(present("n1"), "n1", AUD).failure()).contains(Reason.NOT_YET_VALID);
  }

  @Test
  void verify_algNone_failsUnsupportedAlgorithm() {
    String p = present("n1");
    String payload = p.substring(p.indexOf('.') + 1, p.indexOf('.', p.indexOf('.') + 1));
    String header =
        Base64Url.encode(
            ("{\"alg\":\"none\",\"typ\":\"dc+sd-jwt\",\"kid\":\"" + fx.issuer.kid() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    String forged = header + "." + payload + "." + p.substring(p.indexOf('~'));

    assertThat(verifier().verify(forged, "n1", AUD).failure())
        .contains(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void verify_hmacWithIssuerPublicKeyAsSecret_failsUnsupportedAlgorithm() throws JOSEException {
    String p = present("n1");
    String jwt = p.substring(0, p.indexOf('~'));
    String payload = new String(Base64Url.decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    JWSObject forged =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("dc+sd-jwt"))
                .keyID(fx.issuer.kid())
                .build(),
            new Payload(payload));
    forged.sign(new MACSigner(fx.issuer.key().publicKey().toBytes()));
    String token = forged.serialize() + p.substring(p.indexOf('~'));

    assertThat(verifier().verify(token, "n1", AUD).failure())
        .contains(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void verify_overSizeLimit_failsTooLarge() {
    assertThat(verifier().verify(present("n1") + "x".repeat(70_000), "n1", AUD).failure())
        .contains(Reason.TOO_LARGE);
  }

  @Test
  void verify_kidOfAnotherDid_failsUnknownIssuerKey() {
    Testbed.Party other = fx.createDid();
    ObjectNode visible = JsonNodeFactory.instance.objectNode();
    visible.put("iss", fx.issuer.did());
    visible.put("iat", Instant.now().getEpochSecond());
    visible.put("vct", "urn:mip:kyc:v1");
    visible.set("cnf", HolderKeys.cnf(fx.holder.key().publicKey()));
    SdJwt forged =
        new SdJwtIssuer(other.key().signer(), other.kid(), SdJwtIssuer.SD_JWT_VC_TYPE)
            .issue(visible, Map.of(), 0);

    assertThat(verifier().verify(fx.present(forged, Set.of(), "n1", AUD), "n1", AUD).failure())
        .contains(Reason.UNKNOWN_ISSUER_KEY);
  }

  @Test
  void verify_issuerNeverAccredited_failsIssuerNotAccredited() {
    Testbed.Party rogue = fx.createDid();
    ObjectNode visible = JsonNodeFactory.instance.objectNode();
    visible.put("iss", rogue.did());
    visible.put("iat", Instant.now().getEpochSecond());
    visible.put("vct", "urn:mip:kyc:v1");
    visible.set("cnf", HolderKeys.cnf(fx.holder.key().publicKey()));
    SdJwt cred =
        new SdJwtIssuer(rogue.key().signer(), rogue.kid(), SdJwtIssuer.SD_JWT_VC_TYPE)
            .issue(visible, Map.of(), 0);

    assertThat(verifier().verify(fx.present(cred, Set.of(), "n1", AUD), "n1", AUD).failure())
        .contains(Reason.ISSUER_NOT_ACCREDITED);
  }
}
