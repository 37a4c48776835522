package io.mip.profile.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

/**
 * The compact JWS serialisation (RFC 7515 section 7.1) of a signed request: protected header {@code
 * {"alg":"EdDSA","typ":"mip-request+jwt"}} (RFC 8037 section 3.1), the {@link RequestClaims} as
 * payload, and an Ed25519 signature over {@code header.payload}.
 *
 * <p>Refuses (as {@link IllegalArgumentException}) tokens over {@link #MAX_LENGTH} characters, any
 * other {@code alg} (no {@code none}, no algorithm confusion), a {@code crit} header, unknown
 * header or claim members, and duplicate members.
 */
public final class RequestToken {
  /** Longest token accepted, in characters. */
  public static final int MAX_LENGTH = 4096;

  /** The {@code typ} header value. */
  public static final String TYPE = "mip-request+jwt";

  private static final Set<String> HEADER = Set.of("alg", "typ", "kid");
  private static final Set<String> CLAIMS =
      Set.of("iss", "aud", "iat", "exp", "jti", "htm", "htu", "body_sha256");

  private final RequestClaims claims;
  private final byte[] signingInput;
  private final byte[] signature;

  private RequestToken(RequestClaims claims, byte[] signingInput, byte[] signature) {
    this.claims = claims;
    this.signingInput = signingInput;
    this.signature = signature;
  }

  /** Signs {@code claims} with {@code key} and returns the compact serialisation. */
  public static String sign(RequestClaims claims, Ed25519PrivateKey key) {
    ObjectNode header = JsonNodeFactory.instance.objectNode();
    header.put("alg", "EdDSA");
    header.put("typ", TYPE);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("iss", claims.issuer());
    body.put("aud", claims.audience());
    body.put("iat", claims.issuedAt().getEpochSecond());
    body.put("exp", claims.expiresAt().getEpochSecond());
    body.put("jti", claims.jti());
    body.put("htm", claims.method());
    body.put("htu", claims.target());
    body.put("body_sha256", claims.bodySha256());
    String input = segment(header) + "." + segment(body);
    byte[] sig = key.signer().sign(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + Base64Url.encode(sig);
  }

  private static String segment(ObjectNode node) {
    try {
      return Base64Url.encode(Operation.json().writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }

  /**
   * Parses a compact token without checking its signature.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  public static RequestToken parse(String compact) {
    if (compact == null || compact.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("token is missing or longer than " + MAX_LENGTH);
    }
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("token must have three dot-separated parts");
    }
    JsonNode header = json(parts[0], "header");
    for (var e : header.properties()) {
      if (!HEADER.contains(e.getKey())) {
        throw new IllegalArgumentException("token header member '" + e.getKey() + "' not allowed");
      }
    }
    if (!"EdDSA".equals(header.path("alg").textValue())) {
      throw new IllegalArgumentException("token alg must be EdDSA");
    }
    if (!TYPE.equals(header.path("typ").textValue())) {
      throw new IllegalArgumentException("token typ must be " + TYPE);
    }
    JsonNode body = json(parts[1], "payload");
    for (var e : body.properties()) {
      if (!CLAIMS.contains(e.getKey())) {
        throw new IllegalArgumentException("token claim '" + e.getKey() + "' not allowed");
      }
    }
    if (!body.path("iat").canConvertToLong() || !body.path("exp").canConvertToLong()) {
      throw new IllegalArgumentException("token iat and exp must be integers");
    }
    RequestClaims claims =
        new RequestClaims(
            body.path("iss").textValue(),
            body.path("aud").textValue(),
            Instant.ofEpochSecond(body.get("iat").longValue()),
            Instant.ofEpochSecond(body.get("exp").longValue()),
            body.path("jti").textValue(),
            body.path("htm").textValue(),
            body.path("htu").textValue(),
            body.path("body_sha256").textValue());
    byte[] sig = decode(parts[2], "signature");
    if (sig.length != Ed25519PublicKey.SIGNATURE_LENGTH) {
      throw new IllegalArgumentException("token signature must be 64 bytes");
    }
    byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    return new RequestToken(claims, input, sig);
  }

  private static JsonNode json(String part, String what) {
    byte[] bytes = decode(part, what);
    JsonNode node;
    try {
      node = Operation.json().readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("token " + what + " is not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("token " + what + " must be a JSON object");
    }
    return node;
  }

  private static byte[] decode(String part, String what) {
    try {
      return Base64Url.decode(part);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("token " + what + " is not base64url");
    }
  }

  /** Returns the claims (not yet verified). */
  public RequestClaims claims() {
    return claims;
  }

  /** Returns whether the signature verifies under {@code key}. */
  public boolean signatureValidUnder(Ed25519PublicKey key) {
    return key.verifier().verify(signingInput, signature);
  }
}
