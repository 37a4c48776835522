package io.mip.credential.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.mip.credential.internal.Json;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Hashes;
import io.mip.crypto.Signer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Issues SD-JWTs (RFC 9901 section 4.1) signed with EdDSA (Ed25519): every claim passed as
 * disclosable becomes a salted Disclosure whose digest goes into the top-level {@code _sd} array
 * (sorted, so the order reveals nothing), with {@code _sd_alg: sha-256}; optional decoy digests
 * (section 4.2.5) hide how many claims there are.
 *
 * <p>The JOSE header carries {@code typ} ({@code dc+sd-jwt} for SD-JWT VC) and {@code kid} (the
 * issuer's DID URL). Refuses claim names {@code _sd}, {@code _sd_alg} and {@code ...} and a claim
 * that is both visible and disclosable.
 */
public final class SdJwtIssuer {
  /** {@code typ} of an SD-JWT VC (draft-ietf-oauth-sd-jwt-vc section 3.2.1). */
  public static final String SD_JWT_VC_TYPE = "dc+sd-jwt";

  /** Former {@code typ} of an SD-JWT VC, still accepted by verifiers. */
  public static final String LEGACY_SD_JWT_VC_TYPE = "vc+sd-jwt";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Signer signer;
  private final String kid;
  private final String type;

  /**
   * @param signer the issuer's Ed25519 signer
   * @param kid the key id (the DID URL of the issuer's verification method)
   * @param type the {@code typ} header
   */
  public SdJwtIssuer(Signer signer, String kid, String type) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.kid = Objects.requireNonNull(kid, "kid");
    this.type = Objects.requireNonNull(type, "type");
  }

  /**
   * Issues an SD-JWT.
   *
   * @param visible claims always visible (iss, iat, exp, vct, cnf, status, ...)
   * @param disclosable claims to make selectively disclosable, each its own Disclosure
   * @param decoys number of decoy digests to add (0 for none)
   */
  public SdJwt issue(ObjectNode visible, Map<String, JsonNode> disclosable, int decoys) {
    if (decoys < 0 || decoys > 64) {
      throw new IllegalArgumentException("decoys must be 0..64");
    }
    ObjectNode payload = visible.deepCopy();
    for (String reserved : List.of("_sd", "_sd_alg", "...")) {
      if (payload.has(reserved) || disclosable.containsKey(reserved)) {
        throw new IllegalArgumentException("claim name " + reserved + " is reserved");
      }
    }
    List<Disclosure> disclosures = new ArrayList<>();
    TreeSet<String> digests = new TreeSet<>();
    for (Map.Entry<String, JsonNode> e : disclosable.entrySet()) {
      if (payload.has(e.getKey())) {
        throw new IllegalArgumentException(e.getKey() + " is both visible and disclosable");
      }
      Disclosure d = Disclosure.ofProperty(e.getKey(), e.getValue());
      disclosures.add(d);
      digests.add(d.digest());
    }
    for (int i = 0; i < decoys; i++) {
      byte[] salt = new byte[Disclosure.SALT_BYTES];
      RANDOM.nextBytes(salt);
      digests.add(Base64Url.encode(Hashes.sha256(salt)));
    }
    if (!digests.isEmpty()) {
      ArrayNode sd = payload.putArray("_sd");
      digests.forEach(sd::add);
    }
    payload.put("_sd_alg", "sha-256");
    return new SdJwt(sign(payload), disclosures, null);
  }

  private String sign(ObjectNode payload) {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType(type)).keyID(kid).build();
    JWSObject jws = new JWSObject(header, new Payload(Json.write(payload)));
    try {
      jws.sign(new Ed25519JwsSigner(signer));
    } catch (JOSEException e) {
      throw new IllegalStateException("issuer signing failed", e);
    }
    return jws.serialize();
  }
}
