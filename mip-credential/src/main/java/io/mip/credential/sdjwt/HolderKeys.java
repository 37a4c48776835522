package io.mip.credential.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import io.mip.credential.internal.Json;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PublicKey;
import java.text.ParseException;
import java.util.Optional;

/**
 * Confirmation keys ({@code cnf}, RFC 7800 section 3.2) for Key Binding: an Ed25519 holder key as
 * an OKP JWK (RFC 8037 section 2), and the reverse, a verifier from a {@code cnf.jwk}. Accepts OKP
 * Ed25519 and EC P-256 (the RFC 9901 examples); refuses every other key type and any JWK carrying
 * private parameters.
 */
public final class HolderKeys {
  /**
   * Validated keys by their {@code x}: checking that 32 bytes are a curve point costs about as much
   * as a signature verification, and a verifier sees the same holders again and again.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, Ed25519PublicKey> KEYS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private HolderKeys() {}

  /** Returns {@code {"jwk": {"kty":"OKP","crv":"Ed25519","x":...}}}. */
  public static ObjectNode cnf(Ed25519PublicKey holderKey) {
    ObjectNode cnf = JsonNodeFactory.instance.objectNode();
    cnf.set("jwk", jwk(holderKey));
    return cnf;
  }

  /** Returns the OKP JWK of an Ed25519 key. */
  public static ObjectNode jwk(Ed25519PublicKey key) {
    ObjectNode jwk = JsonNodeFactory.instance.objectNode();
    jwk.put("kty", "OKP");
    jwk.put("crv", "Ed25519");
    jwk.put("x", Base64Url.encode(key.toBytes()));
    return jwk;
  }

  /** Returns the Ed25519 key of an OKP JWK, empty for anything else. */
  public static Optional<Ed25519PublicKey> ed25519(JsonNode jwk) {
    if (jwk == null
        || !"OKP".equals(jwk.path("kty").asText())
        || !"Ed25519".equals(jwk.path("crv").asText())
        || jwk.has("d")
        || !jwk.path("x").isTextual()) {
      return Optional.empty();
    }
    String x = jwk.get("x").textValue();
    Ed25519PublicKey cached = KEYS.get(x);
    if (cached != null) {
      return Optional.of(cached);
    }
    try {
      Ed25519PublicKey key = Ed25519PublicKey.fromBytes(Base64Url.decode(x));
      if (KEYS.size() > 4096) {
        KEYS.clear();
      }
      KEYS.put(x, key);
      return Optional.of(key);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Returns a JWS verifier for the {@code cnf.jwk} of a payload, empty if absent or unusable. */
  public static Optional<JWSVerifier> verifierFor(JsonNode cnf) {
    JsonNode jwk = cnf == null ? null : cnf.get("jwk");
    if (jwk == null || !jwk.isObject() || jwk.has("d")) {
      return Optional.empty();
    }
    Optional<Ed25519PublicKey> ed = ed25519(jwk);
    if (ed.isPresent()) {
      return Optional.of(new Ed25519JwsVerifier(ed.get()));
    }
    if ("EC".equals(jwk.path("kty").asText()) && "P-256".equals(jwk.path("crv").asText())) {
      try {
        ECKey ec = ECKey.parse(Json.write(jwk));
        if (!Curve.P_256.equals(ec.getCurve())) {
          return Optional.empty();
        }
        return Optional.of(new ECDSAVerifier(ec));
      } catch (ParseException | JOSEException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
