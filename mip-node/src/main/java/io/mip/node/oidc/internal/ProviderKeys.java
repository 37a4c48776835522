package io.mip.node.oidc.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mip.credential.sdjwt.Ed25519JwsSigner;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.SecretFiles;
import io.mip.ledger.embedded.KeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider's own keys, kept in {@code <data>/oidc/}: an ES256 (P-256) ID token key, an Ed25519
 * ID token key (EdDSA, RFC 8037), and the 256-bit secret pairwise subjects are derived with. Each
 * is created on first start, readable by the node's user only, and never replaced.
 *
 * <p>Security guarantees: private keys stay inside this object, which hands out signatures and the
 * public JWK set; the pairwise secret never leaves it either.
 */
public final class ProviderKeys {
  /** File of the ES256 key (a private JWK). */
  public static final String ES256_FILE = "id-token-es256.jwk";

  /** File of the Ed25519 key (a private JWK). */
  public static final String EDDSA_FILE = "id-token-ed25519.jwk";

  /** File of the pairwise secret. */
  public static final String PAIRWISE_FILE = "pairwise.secret";

  /** The ID token algorithms this provider signs with, the first one the default. */
  public static final List<JWSAlgorithm> ALGORITHMS =
      List.of(JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);

  private static final byte[] SUB_CONTEXT =
      "mip-oidc-pairwise-sub-v1".getBytes(StandardCharsets.UTF_8);

  private final ECKey es256;
  private final JWSSigner es256Signer;
  private final Ed25519PrivateKey ed25519;
  private final String edKid;
  private final SecretKeySpec pairwise;
  private final JWKSet publicSet;

  private ProviderKeys(ECKey es256, Ed25519PrivateKey ed25519, byte[] pairwise) {
    this.es256 = es256;
    this.ed25519 = ed25519;
    this.pairwise = new SecretKeySpec(pairwise, "HmacSHA256");
    try {
      ECDSASigner ec = new ECDSASigner(es256);
      // BouncyCastle's P-256 is several times faster than the JDK 17 provider's.
      ec.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
      this.es256Signer = ec;
      OctetKeyPair ed =
          new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(ed25519.publicKey().toBytes()))
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.EdDSA)
              .keyIDFromThumbprint()
              .build();
      this.edKid = ed.getKeyID();
      this.publicSet = new JWKSet(List.<JWK>of(es256.toPublicJWK(), ed));
    } catch (JOSEException e) {
      throw new IllegalStateException("provider keys unusable", e);
    }
  }

  /**
   * Loads the keys from {@code dir}, creating any that are missing.
   *
   * @throws UncheckedIOException if a file cannot be read or written, or is not private to its
   *     owner; the message names the file, never key material
   */
  public static ProviderKeys loadOrCreate(Path dir) {
    try {
      Files.createDirectories(dir);
      ECKey es = loadEs256(dir.resolve(ES256_FILE));
      Path edFile = dir.resolve(EDDSA_FILE);
      if (!Files.exists(edFile)) {
        KeyFiles.writeKeyFile(edFile, Ed25519PrivateKey.generate());
      }
      Ed25519PrivateKey ed = KeyFiles.readKeyFile(edFile);
      Path secretFile = dir.resolve(PAIRWISE_FILE);
      if (!Files.exists(secretFile)) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        SecretFiles.writeNew(
            secretFile, Base64Url.encode(fresh).getBytes(StandardCharsets.US_ASCII));
      }
      byte[] secret =
          Base64Url.decode(
              new String(
                      SecretFiles.read(secretFile, 256, "secret file"), StandardCharsets.US_ASCII)
                  .trim());
      if (secret.length != 32) {
        throw new IOException("pairwise secret " + secretFile + " is not 32 bytes");
      }
      return new ProviderKeys(es, ed, secret);
    } catch (IOException e) {
      throw new UncheckedIOException("OIDC provider keys in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static ECKey loadEs256(Path file) throws IOException {
    if (!Files.exists(file)) {
      try {
        ECKey fresh =
            new ECKeyGenerator(Curve.P_256)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .keyIDFromThumbprint(true)
                .generate();
        SecretFiles.writeNew(file, fresh.toJSONString().getBytes(StandardCharsets.UTF_8));
      } catch (JOSEException e) {
        throw new IOException("cannot generate the ES256 key", e);
      }
    }
    try {
      JWK jwk =
          JWK.parse(new String(SecretFiles.read(file, 4096, "key file"), StandardCharsets.UTF_8));
      if (!(jwk instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())) {
        throw new IOException("key file " + file + " is not a private P-256 JWK");
      }
      return ec;
    } catch (ParseException e) {
      throw new IOException("key file " + file + " is not a JWK");
    }
  }

  /** Returns the public JWK set served at the {@code jwks_uri} (RFC 7517 section 5). */
  public JWKSet publicJwks() {
    return publicSet;
  }

  /**
   * Signs {@code claims} as a JWT with {@code alg} ({@code ES256} or {@code EdDSA}), typed {@code
   * JWT}, with the key's {@code kid}.
   *
   * @throws IllegalArgumentException for any other algorithm
   */
  public String sign(JWSAlgorithm alg, JWTClaimsSet claims) {
    Objects.requireNonNull(claims, "claims");
    JWSSigner signer;
    String kid;
    if (JWSAlgorithm.ES256.equals(alg)) {
      signer = es256Signer;
      kid = es256.getKeyID();
    } else if (JWSAlgorithm.EdDSA.equals(alg)) {
      signer = new Ed25519JwsSigner(ed25519.signer());
      kid = edKid;
    } else {
      throw new IllegalArgumentException("provider does not sign with " + alg);
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("ID token signing failed", e);
    }
    return jwt.serialize();
  }

  /**
   * Returns the pairwise subject of {@code personDid} for the sector {@code sector} (OpenID Connect
   * Core 1.0 section 8.1): base64url HMAC-SHA-256 under the node's pairwise secret of a fixed
   * context, the sector and the DID. Deterministic per node, sector and person; two sectors cannot
   * link their subjects without the secret.
   */
  public String pairwiseSubject(String sector, String personDid) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(pairwise);
      mac.update(SUB_CONTEXT);
      mac.update((byte) 0);
      mac.update(sector.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(personDid.getBytes(StandardCharsets.UTF_8));
      return Base64Url.encode(mac.doFinal());
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
    }
  }

  /** Returns the algorithms a client may ask for, by name. */
  public static Set<String> algorithmNames() {
    return Set.of(JWSAlgorithm.ES256.getName(), JWSAlgorithm.EdDSA.getName());
  }

  @Override
  public String toString() {
    return "ProviderKeys[es256=" + es256.getKeyID() + ", eddsa=" + edKid + "]";
  }
}
