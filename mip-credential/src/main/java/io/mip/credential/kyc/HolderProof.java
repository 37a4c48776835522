package io.mip.credential.kyc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.mip.credential.internal.Json;
import io.mip.credential.sdjwt.Ed25519JwsSigner;
import io.mip.crypto.Signer;
import java.time.Instant;

/**
 * The holder's proof of control of its DID for a KYC challenge: a compact JWS, EdDSA, header {@code
 * typ: openid4vci-proof+jwt} and {@code kid} = the holder's DID URL, payload {@code {aud: issuer
 * DID, nonce, iat}} (the shape of OpenID for Verifiable Credential Issuance 1.0, appendix F.1,
 * proof type {@code jwt}).
 */
public final class HolderProof {
  /** The proof's {@code typ}. */
  public static final String TYPE = "openid4vci-proof+jwt";

  private HolderProof() {}

  /** Signs a proof for {@code challenge} with the key named by {@code holderKid}. */
  public static String sign(Challenge challenge, String holderKid, Signer holderKey, Instant now) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("aud", challenge.issuer());
    p.put("nonce", challenge.nonce());
    p.put("iat", now.getEpochSecond());
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(new JOSEObjectType(TYPE))
                .keyID(holderKid)
                .build(),
            new Payload(Json.write(p)));
    try {
      jws.sign(new Ed25519JwsSigner(holderKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("proof signing failed", e);
    }
    return jws.serialize();
  }
}
