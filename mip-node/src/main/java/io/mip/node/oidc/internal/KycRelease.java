package io.mip.node.oidc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.node.oidc.UnlockedPassport;
import io.mip.sdk.credential.CredentialVerifier;
import io.mip.sdk.credential.VerificationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out which KYC claims a sign-in releases: the unlocked passport presents its credential
 * disclosing only the claims the app asked for (SD-JWT+KB bound to the sign-in's nonce and this
 * provider), the provider verifies the presentation the way any verifier would ({@link
 * CredentialVerifier}: issuer signature, accreditation, status, key binding), and only verified
 * values are released, with the issuer's DID. Nothing is released from a presentation that fails.
 */
public final class KycRelease {
  private final Optional<CredentialVerifier> verifier;

  /** Creates the release over a verifier; without one, no KYC claim is ever released. */
  public KycRelease(Optional<CredentialVerifier> verifier) {
    this.verifier = verifier;
  }

  /**
   * Computes the release for {@code asked} claims.
   *
   * @param person the unlocked passport
   * @param asked the KYC claim names the app asked for
   * @param nonce a fresh nonce for the Key Binding JWT
   * @param audience this provider's issuer identifier
   */
  public Release compute(
      UnlockedPassport person, Set<String> asked, String nonce, String audience) {
    if (asked.isEmpty()) {
      return Release.none();
    }
    List<String> askedList = new ArrayList<>(new TreeSet<>(asked));
    if (verifier.isEmpty()) {
      return unavailable(askedList, "this node does not verify KYC credentials");
    }
    Set<String> held = person.kycClaims();
    Set<String> present = new TreeSet<>(asked);
    present.retainAll(held);
    if (present.isEmpty()) {
      return unavailable(askedList, "you hold no KYC credential with these claims");
    }
    Optional<String> presentation = person.presentKyc(present, nonce, audience);
    if (presentation.isEmpty()) {
      return unavailable(askedList, "your wallet could not present your KYC credential");
    }
    VerificationResult r = verifier.get().verify(presentation.get(), nonce, audience);
    if (!r.isValid()) {
      return unavailable(
          askedList,
          "your KYC credential did not verify ("
              + r.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + ")");
    }
    ObjectNode verified = r.claims();
    Map<String, JsonNode> out = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String name : askedList) {
      JsonNode v = verified.get(name);
      if (v != null && !v.isNull() && (v.isValueNode())) {
        out.put(name, v);
      } else {
        missing.add(name);
      }
    }
    String issuer = verified.path("iss").asText("");
    return new Release(
        out,
        out.isEmpty() || issuer.isEmpty() ? Optional.empty() : Optional.of(issuer),
        missing,
        missing.isEmpty() ? "" : "your KYC credential does not hold these claims");
  }

  private static Release unavailable(List<String> asked, String reason) {
    return new Release(Map.of(), Optional.empty(), asked, reason);
  }
}
