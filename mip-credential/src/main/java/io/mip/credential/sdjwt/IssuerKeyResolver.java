package io.mip.credential.sdjwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import java.util.Optional;

/**
 * Finds the verifier for an Issuer-signed JWT's key (RFC 9901 section 7.1 step 2.4: "the Verifier
 * MUST ... validate the signature ... using the Issuer's public key"). In MIP the {@code kid} is a
 * DID URL resolved against the issuer's DID document.
 */
@FunctionalInterface
public interface IssuerKeyResolver {
  /**
   * Returns a verifier for the key the header names, or empty if the key is unknown. The payload is
   * not yet trusted: it is given only so the resolver can check that {@code kid} belongs to {@code
   * iss}.
   */
  Optional<JWSVerifier> resolve(JWSHeader header, ObjectNode untrustedPayload);
}
