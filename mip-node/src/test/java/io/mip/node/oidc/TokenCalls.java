package io.mip.node.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mip.credential.sdjwt.Ed25519JwsSigner;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Raw token requests, to test what the token endpoint refuses. */
final class TokenCalls {
  record Answer(int status, JsonNode body) {
    String error() {
      return body.path("error").asText();
    }
  }

  private TokenCalls() {}

  /** A valid assertion for {@code app} signed by {@code key}, issued now (system clock). */
  static String assertion(OidcTestbed bed, String clientId, Ed25519PrivateKey key) {
    Instant now = Instant.now();
    return assertion(
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(clientId)
            .audience(bed.base + "/oidc/token")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(60)))
            .jwtID(UUID.randomUUID().toString())
            .build(),
        key);
  }

  static String assertion(JWTClaimsSet claims, Ed25519PrivateKey key) {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).build(), claims);
    try {
      jwt.sign(new Ed25519JwsSigner(key.signer()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** The form of a code exchange authenticated with {@code assertion} (null for none). */
  static Map<String, String> codeForm(
      String code, String redirect, String verifier, String assertion) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("grant_type", "authorization_code");
    f.put("code", code);
    f.put("redirect_uri", redirect);
    if (verifier != null) {
      f.put("code_verifier", verifier);
    }
    if (assertion != null) {
      f.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
      f.put("client_assertion", assertion);
    }
    return f;
  }

  static Answer post(OidcTestbed bed, Map<String, String> form, String authorization) {
    StringBuilder b = new StringBuilder();
    form.forEach(
        (k, v) ->
            b.append(b.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest.Builder r =
        HttpRequest.newBuilder(bed.base.resolve("/oidc/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(b.toString()));
    if (authorization != null) {
      r.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> resp =
          HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(resp.statusCode(), Operation.json().readTree(resp.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
