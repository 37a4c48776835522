package io.mip.credential.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import io.mip.credential.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Rfc9901VectorsTest {
  /** RFC 9901 Appendix A.5, public part. */
  static final String ISSUER_JWK =
      "{\"kty\":\"EC\",\"crv\":\"P-256\","
          + "\"x\":\"b28d4MwZMjw8-00CG4xfnn9SLMVMM19SlqZpVb_uNtQ\","
          + "\"y\":\"Xv5zWwuoaTgdS6hV43yI6gBwTnjukmFQQnJ_kCxzqk8\"}";

  static final Instant KB_IAT = Instant.ofEpochSecond(1748537244);

  static String vector(String name) {
    try (InputStream in = Rfc9901VectorsTest.class.getResourceAsStream("/sdjwt/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static SdJwtVerifier rfcVerifier() {
    return new SdJwtVerifier(
        (header, payload) -> {
          try {
            return Optional.of(new ECDSAVerifier(ECKey.parse(ISSUER_JWK)));
          } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  static SdJwtVerifierOptions rfcOptions() {
    return SdJwtVerifierOptions.defaults()
        .withAcceptedTypes(Set.of("example+sd-jwt"))
        .withClock(Clock.fixed(KB_IAT, ZoneOffset.UTC), Duration.ofSeconds(60));
  }

  @Test
  void verify_rfcIssuanceWithAllDisclosures_yieldsEveryClaim() {
    SdJwtResult r =
        rfcVerifier()
            .verify(vector("rfc9901-5-issuance.txt"), rfcOptions().withoutRequiredKeyBinding());

    assertThat(r.detail()).isEqualTo("ok");
    ObjectNode claims = r.verified().claims();
    assertThat(claims.get("given_name").asText()).isEqualTo("John");
    assertThat(claims.get("phone_number_verified").asBoolean()).isTrue();
    assertThat(claims.get("updated_at").asLong()).isEqualTo(1570000000L);
    assertThat(claims.get("nationalities").toString()).isEqualTo("[\"US\",\"DE\"]");
    assertThat(claims.has("_sd")).isFalse();
    assertThat(claims.has("_sd_alg")).isFalse();
  }

  @Test
  void verify_rfcPresentationWithKeyBinding_yieldsTheProcessedPayloadOfSection52() {
    SdJwtResult r =
        rfcVerifier()
            .verify(
                vector("rfc9901-5-presentation.txt"),
                rfcOptions().withKeyBinding("1234567890", "https://verifier.example.org"));

    assertThat(r.detail()).isEqualTo("ok");
    ObjectNode expected =
        (ObjectNode)
            Json.parse(
                "{\"iss\":\"https://issuer.example.com\",\"iat\":1683000000,\"exp\":1883000000,"
                    + "\"sub\":\"user_42\",\"nationalities\":[\"US\"],\"cnf\":{\"jwk\":{\"kty\":\"EC\","
                    + "\"crv\":\"P-256\",\"x\":\"TCAER19Zvu3OHF4j4W4vfSVoHIP1ILilDls7vCeGemc\","
                    + "\"y\":\"ZxjiWWbZMQGHVWKVQ4hbSIirsVfuecCE6t4jT9F2HZQ\"}},\"family_name\":\"Doe\","
                    + "\"address\":{\"street_address\":\"123 Main St\",\"locality\":\"Anytown\","
                    + "\"region\":\"Anystate\",\"country\":\"US\"},\"given_name\":\"John\"}");
    assertThat(r.verified().claims()).isEqualTo(expected);
    assertThat(r.verified().keyBindingPayload().orElseThrow().get("sd_hash").asText())
        .isEqualTo("0_Af-2B-EhLWX5ydh_w2xzwmO6iM66B_2QCEanI4fUY");
  }

  @Test
  void digest_rfcGivenNameDisclosure_matchesTheRfcHash() {
    Disclosure d =
        Disclosure.parse("WyIyR0xDNDJzS1F2ZUNmR2ZyeU5STjl3IiwgImdpdmVuX25hbWUiLCAiSm9obiJd");

    assertThat(d.digest()).isEqualTo("jsu9yVulwQQlhFlM_3JlzMaSFzglhQG0DpfayQwLUK4");
    assertThat(d.name()).isEqualTo("given_name");
    assertThat(d.salt()).isEqualTo("2GLC42sKQveCfGfryNRN9w");
  }

  @Test
  void verify_rfcPresentationWithWrongNonce_failsWithNonceMismatch() {
    SdJwtResult r =
        rfcVerifier()
            .verify(
                vector("rfc9901-5-presentation.txt"),
                rfcOptions().withKeyBinding("other", "https://verifier.example.org"));

    assertThat(r.failure()).contains(SdJwtReason.NONCE_MISMATCH);
  }

  @Test
  void verify_rfcPresentationWithADisclosureDropped_failsWithSdHashMismatch() {
    String p = vector("rfc9901-5-presentation.txt");
    String dropped = p.replace("~WyJsa2x4RjVqTVlsR1RQVW92TU5JdkNBIiwgIlVTIl0~", "~");

    SdJwtResult r =
        rfcVerifier()
            .verify(
                dropped, rfcOptions().withKeyBinding("1234567890", "https://verifier.example.org"));

    assertThat(r.failure()).contains(SdJwtReason.SD_HASH_MISMATCH);
  }
}
