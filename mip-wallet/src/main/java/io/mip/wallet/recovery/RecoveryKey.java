package io.mip.wallet.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Decryption;
import io.mip.crypto.Hpke;
import io.mip.crypto.SecretKeyAccess;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.mip.DidMipOperations;
import io.mip.wallet.internal.JsonFields;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The secret half of a {@link RecoveryRequest}: the ephemeral X25519 private key that guardian
 * approvals are encrypted to. It stays with the person recovering (a mode 600 file) and is useless
 * once recovery is done.
 *
 * <p>Security guarantees: the key hands out decryptions only; it leaves as bytes only in {@link
 * #toSecretJson()}, for the file. {@link #toString()} prints the request id only.
 */
public final class RecoveryKey {
  /** The secret file type. */
  public static final String TYPE = "mip-recovery-key";

  /** How long a new request stays valid. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RecoveryRequest request;
  private final X25519PrivateKey key;

  private RecoveryKey(RecoveryRequest request, X25519PrivateKey key) {
    if (!key.publicKey().equals(request.key())) {
      throw new IllegalArgumentException("the recovery key does not match its request");
    }
    this.request = request;
    this.key = key;
  }

  /**
   * Creates a fresh request for {@code ownerDid}, valid for {@code validity} from now.
   *
   * @throws IllegalArgumentException if the DID is not did:mip or the validity is not 1 min..30 d
   */
  public static RecoveryKey create(String ownerDid, Clock clock, Duration validity) {
    Objects.requireNonNull(clock, "clock");
    if (!DidMipOperations.isValidDid(ownerDid)) {
      throw new IllegalArgumentException("owner must be a did:mip DID");
    }
    if (validity.compareTo(Duration.ofMinutes(1)) < 0
        || validity.compareTo(Duration.ofDays(30)) > 0) {
      throw new IllegalArgumentException("validity must be 1 minute to 30 days");
    }
    X25519PrivateKey k = X25519PrivateKey.generate();
    var now = clock.instant();
    return new RecoveryKey(
        new RecoveryRequest(
            RecoveryRequest.newId(RANDOM), ownerDid, k.publicKey(), now, now.plus(validity)),
        k);
  }

  /** Returns the public request to send to the guardians. */
  public RecoveryRequest request() {
    return request;
  }

  /** Opens an approval's HPKE ciphertext (RFC 9180 OpenBase, empty aad). */
  public Decryption open(Hpke.Sealed sealed, byte[] info) {
    return Hpke.open(key, sealed, info, null);
  }

  /** Returns the secret file form: the request plus the private key. Keep it mode 600. */
  public ObjectNode toSecretJson() {
    ObjectNode o = request.toJson();
    o.put("type", TYPE);
    byte[] k = key.exportSecret(SecretKeyAccess.insecureSecretAccess());
    o.put("secret", Base64Url.encode(k));
    Arrays.fill(k, (byte) 0);
    return o;
  }

  /**
   * Parses the secret file form.
   *
   * @throws IllegalArgumentException if it is not a valid recovery key file
   */
  public static RecoveryKey fromSecretJson(JsonNode o) {
    JsonFields.requireType(o, TYPE, 1);
    ObjectNode copy = o.deepCopy();
    copy.put("type", RecoveryRequest.TYPE);
    byte[] k = JsonFields.bytes(copy, "secret", 32, 32);
    copy.remove("secret");
    try {
      return new RecoveryKey(RecoveryRequest.fromJson(copy), X25519PrivateKey.fromBytes(k));
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "RecoveryKey[" + request.requestId() + "]";
  }
}
