package io.mip.credential.sdjwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import io.mip.crypto.Ed25519PublicKey;
import java.util.Objects;
import java.util.Set;

/**
 * A Nimbus {@link JWSVerifier} for EdDSA (Ed25519, RFC 8037 section 3.1) backed by a MIP {@link
 * Ed25519PublicKey} (RFC 8032 section 5.1.7 verification, non-canonical signatures refused).
 *
 * <p>Returns false, never throws, for a header with another {@code alg} or a malformed signature.
 */
public final class Ed25519JwsVerifier implements JWSVerifier {
  private final Ed25519PublicKey key;
  private final JCAContext context = new JCAContext();

  /** Verifies against {@code key}. */
  public Ed25519JwsVerifier(Ed25519PublicKey key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /** Returns the key this verifier checks against. */
  public Ed25519PublicKey key() {
    return key;
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
    if (!Ed25519JwsSigner.ALGORITHMS.contains(header.getAlgorithm())) {
      return false;
    }
    return key.verifier().verify(signingInput, signature.decode());
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Ed25519JwsSigner.ALGORITHMS;
  }

  @Override
  public JCAContext getJCAContext() {
    return context;
  }
}
