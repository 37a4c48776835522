package io.mip.credential.sdjwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import io.mip.crypto.Signer;
import java.util.Objects;
import java.util.Set;

/**
 * A Nimbus {@link JWSSigner} producing EdDSA (Ed25519, RFC 8037 section 3.1) signatures with a MIP
 * {@link Signer}, so the private key stays inside its key object. Nimbus' own Ed25519 signer needs
 * Tink; this one needs nothing beyond mip-crypto.
 *
 * <p>Refuses to sign for any header whose {@code alg} is not {@code EdDSA} or {@code Ed25519}.
 */
public final class Ed25519JwsSigner implements JWSSigner {
  /** The algorithms this signer produces. */
  public static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

  private final Signer signer;
  private final JCAContext context = new JCAContext();

  /** Wraps a MIP Ed25519 signer. */
  public Ed25519JwsSigner(Signer signer) {
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  @Override
  public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    if (!ALGORITHMS.contains(header.getAlgorithm())) {
      throw new JOSEException("Ed25519 signer cannot sign alg " + header.getAlgorithm());
    }
    return Base64URL.encode(signer.sign(signingInput));
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return ALGORITHMS;
  }

  @Override
  public JCAContext getJCAContext() {
    return context;
  }
}
