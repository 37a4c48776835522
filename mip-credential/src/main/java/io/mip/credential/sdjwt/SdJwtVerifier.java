package io.mip.credential.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import io.mip.credential.internal.Json;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Hashes;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies an SD-JWT or SD-JWT+KB (RFC 9901 sections 7.1 and 7.3), strictly:
 *
 * <ol>
 *   <li>size limits (token bytes, number of Disclosures) before any parsing;
 *   <li>{@code alg} from the allow-list only; {@code none} and HMAC algorithms are refused before
 *       any key is looked at, so an HMAC "signed" with the issuer's public key never verifies;
 *       {@code crit} headers are refused; {@code typ} must be accepted;
 *   <li>the issuer signature with the key the {@link IssuerKeyResolver} gives;
 *   <li>{@code _sd_alg} must be sha-256; every Disclosure must be referenced once, no digest twice;
 *   <li>{@code exp}, {@code nbf}, {@code iat} against the clock with the configured skew;
 *   <li>the KB-JWT: {@code typ kb+jwt}, signed by the {@code cnf} key, {@code sd_hash} over the
 *       presented SD-JWT, nonce, audience, and a fresh {@code iat}.
 * </ol>
 *
 * <p>Thread-safe; every failure is a value with its own {@link SdJwtReason}.
 */
public final class SdJwtVerifier {
  private final IssuerKeyResolver keys;

  /** Verifies issuer signatures with keys from {@code keys}. */
  public SdJwtVerifier(IssuerKeyResolver keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /** Verifies {@code serialized} under {@code options}. Never throws for bad input. */
  public SdJwtResult verify(String serialized, SdJwtVerifierOptions options) {
    try {
      return SdJwtResult.valid(check(serialized, options));
    } catch (Refusal r) {
      return SdJwtResult.invalid(r.reason, r.getMessage());
    }
  }

  private SdJwtResult.VerifiedSdJwt check(String serialized, SdJwtVerifierOptions o)
      throws Refusal {
    if (serialized == null || serialized.isEmpty()) {
      throw new Refusal(SdJwtReason.MALFORMED, "empty token");
    }
    if (serialized.length() > o.maxBytes()) {
      throw new Refusal(SdJwtReason.TOO_LARGE, "token exceeds " + o.maxBytes() + " bytes");
    }
    long tildes = serialized.chars().filter(c -> c == '~').count();
    if (tildes - 1 > o.maxDisclosures()) {
      throw new Refusal(SdJwtReason.TOO_LARGE, "more than " + o.maxDisclosures() + " Disclosures");
    }
    SdJwt sdJwt;
    try {
      sdJwt = SdJwt.parse(serialized, o.maxBytes(), o.maxDisclosures());
    } catch (IllegalArgumentException e) {
      throw new Refusal(SdJwtReason.MALFORMED, "not an SD-JWT: " + e.getMessage());
    }
    JWSObject jws = parseJws(sdJwt.issuerSignedJwt(), o, "issuer JWT");
    JWSHeader header = jws.getHeader();
    String typ = header.getType() == null ? null : header.getType().getType();
    if (typ == null || !o.acceptedTypes().contains(typ)) {
      throw new Refusal(SdJwtReason.MALFORMED, "issuer JWT typ not accepted: " + typ);
    }
    ObjectNode payload = payloadObject(jws, "issuer JWT");
    Optional<JWSVerifier> verifier = keys.resolve(header, payload.deepCopy());
    if (verifier.isEmpty()) {
      throw new Refusal(SdJwtReason.UNKNOWN_ISSUER_KEY, "no key for kid " + header.getKeyID());
    }
    if (!verifySignature(jws, verifier.get())) {
      throw new Refusal(SdJwtReason.BAD_ISSUER_SIGNATURE, "issuer signature does not verify");
    }
    JsonNode sdAlg = payload.get("_sd_alg");
    if (sdAlg != null && !"sha-256".equals(sdAlg.asText())) {
      throw new Refusal(SdJwtReason.UNSUPPORTED_ALGORITHM, "_sd_alg must be sha-256");
    }
    ObjectNode claims = DisclosureProcessor.process(payload, sdJwt.disclosures());
    Instant now = o.clock().instant();
    checkTimes(claims, now, o);
    ObjectNode kb = null;
    if (sdJwt.keyBindingJwt() != null) {
      kb = checkKeyBinding(sdJwt, claims, now, o);
    } else if (o.requireKeyBinding()) {
      throw new Refusal(SdJwtReason.KEY_BINDING_MISSING, "presentation has no KB-JWT");
    }
    return new SdJwtResult.VerifiedSdJwt(header, claims, kb);
  }

  private static JWSObject parseJws(String compact, SdJwtVerifierOptions o, String what)
      throws Refusal {
    int dot = compact.indexOf('.');
    if (dot <= 0) {
      throw new Refusal(SdJwtReason.MALFORMED, what + " is not a compact JWS");
    }
    JsonNode rawHeader;
    try {
      rawHeader = Json.parse(Base64Url.decode(compact.substring(0, dot)));
    } catch (IllegalArgumentException e) {
      throw new Refusal(SdJwtReason.MALFORMED, what + " header is not JSON");
    }
    String alg = rawHeader.path("alg").asText("");
    if ("none".equalsIgnoreCase(alg)) {
      throw new Refusal(SdJwtReason.UNSUPPORTED_ALGORITHM, what + " alg none is refused");
    }
    if (alg.startsWith("HS")) {
      throw new Refusal(SdJwtReason.UNSUPPORTED_ALGORITHM, what + " HMAC alg " + alg + " refused");
    }
    if (!o.algorithms().contains(JWSAlgorithm.parse(alg))) {
      throw new Refusal(SdJwtReason.UNSUPPORTED_ALGORITHM, what + " alg not allowed: " + alg);
    }
    if (rawHeader.has("crit")) {
      throw new Refusal(SdJwtReason.MALFORMED, what + " has crit header parameters");
    }
    try {
      return JWSObject.parse(compact);
    } catch (ParseException e) {
      throw new Refusal(SdJwtReason.MALFORMED, what + " is not a JWS: " + e.getMessage());
    }
  }

  private static ObjectNode payloadObject(JWSObject jws, String what) throws Refusal {
    try {
      JsonNode node = Json.parse(jws.getPayload().toBytes());
      if (!node.isObject()) {
        throw new Refusal(SdJwtReason.MALFORMED, what + " payload is not an object");
      }
      return (ObjectNode) node;
    } catch (IllegalArgumentException e) {
      throw new Refusal(SdJwtReason.MALFORMED, what + " payload is not JSON");
    }
  }

  private static boolean verifySignature(JWSObject jws, JWSVerifier verifier) {
    try {
      return jws.verify(verifier);
    } catch (JOSEException | IllegalStateException e) {
      return false;
    }
  }

  private static void checkTimes(ObjectNode claims, Instant now, SdJwtVerifierOptions o)
      throws Refusal {
    long skew = o.clockSkew().getSeconds();
    long t = now.getEpochSecond();
    Long exp = numericDate(claims, "exp");
    if (exp != null && t - skew >= exp) {
      throw new Refusal(SdJwtReason.EXPIRED, "credential expired at " + Instant.ofEpochSecond(exp));
    }
    Long nbf = numericDate(claims, "nbf");
    if (nbf != null && t + skew < nbf) {
      throw new Refusal(SdJwtReason.NOT_YET_VALID, "credential not valid before nbf");
    }
    Long iat = numericDate(claims, "iat");
    if (iat != null && t + skew < iat) {
      throw new Refusal(SdJwtReason.NOT_YET_VALID, "credential issued in the future");
    }
  }

  private static Long numericDate(JsonNode claims, String name) throws Refusal {
    JsonNode v = claims.get(name);
    if (v == null) {
      return null;
    }
    if (!v.isNumber()) {
      throw new Refusal(SdJwtReason.MALFORMED, name + " is not a NumericDate");
    }
    return v.asLong();
  }

  private static ObjectNode checkKeyBinding(
      SdJwt sdJwt, ObjectNode claims, Instant now, SdJwtVerifierOptions o) throws Refusal {
    JWSObject kb;
    try {
      kb = parseJws(sdJwt.keyBindingJwt(), o, "KB-JWT");
    } catch (Refusal r) {
      if (r.reason == SdJwtReason.UNSUPPORTED_ALGORITHM) {
        throw r;
      }
      throw new Refusal(SdJwtReason.KEY_BINDING_INVALID, r.getMessage());
    }
    JWSHeader h = kb.getHeader();
    if (h.getType() == null || !SdJwt.KB_JWT_TYPE.equals(h.getType().getType())) {
      throw new Refusal(SdJwtReason.KEY_BINDING_INVALID, "KB-JWT typ is not kb+jwt");
    }
    Optional<JWSVerifier> holder = HolderKeys.verifierFor(claims.get("cnf"));
    if (holder.isEmpty()) {
      throw new Refusal(SdJwtReason.KEY_BINDING_INVALID, "credential has no usable cnf key");
    }
    if (!verifySignature(kb, holder.get())) {
      throw new Refusal(SdJwtReason.KEY_BINDING_INVALID, "KB-JWT not signed by the cnf key");
    }
    ObjectNode p;
    try {
      p = payloadObject(kb, "KB-JWT");
    } catch (Refusal r) {
      throw new Refusal(SdJwtReason.KEY_BINDING_INVALID, r.getMessage());
    }
    String expectedHash = Disclosure.digestOf(sdJwt.withoutKeyBinding());
    String sdHash = p.path("sd_hash").asText("");
    if (!Hashes.constantTimeEquals(
        sdHash.getBytes(StandardCharsets.US_ASCII),
        expectedHash.getBytes(StandardCharsets.US_ASCII))) {
      throw new Refusal(SdJwtReason.SD_HASH_MISMATCH, "KB-JWT sd_hash does not match");
    }
    if (o.expectedNonce() != null && !o.expectedNonce().equals(p.path("nonce").asText(null))) {
      throw new Refusal(SdJwtReason.NONCE_MISMATCH, "KB-JWT nonce is not the expected one");
    }
    if (o.expectedAudience() != null && !o.expectedAudience().equals(p.path("aud").asText(null))) {
      throw new Refusal(SdJwtReason.AUDIENCE_MISMATCH, "KB-JWT aud is not the expected one");
    }
    JsonNode iat = p.get("iat");
    if (iat == null || !iat.isNumber()) {
      throw new Refusal(SdJwtReason.KEY_BINDING_INVALID, "KB-JWT has no iat");
    }
    long t = now.getEpochSecond();
    long skew = o.clockSkew().getSeconds();
    if (iat.asLong() > t + skew || iat.asLong() < t - skew - o.maxKeyBindingAge().getSeconds()) {
      throw new Refusal(SdJwtReason.KEY_BINDING_INVALID, "KB-JWT iat outside the allowed window");
    }
    return p;
  }
}
