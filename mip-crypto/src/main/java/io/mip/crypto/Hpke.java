package io.mip.crypto;

import java.util.Arrays;

/**
 * Hybrid Public Key Encryption (RFC 9180), base mode, single shot, with the one suite MIP uses:
 * DHKEM(X25519, HKDF-SHA256) (KEM 0x0020), HKDF-SHA256 (KDF 0x0001), AES-256-GCM (AEAD 0x0002).
 *
 * <p>{@link #seal} is SealBase (section 6.1): a fresh ephemeral key per call, output {@code enc}
 * (32 bytes) and the ciphertext (plaintext plus a 16-byte tag). {@link #open} is OpenBase.
 *
 * <p>Security guarantees: IND-CCA2 confidentiality of the plaintext to whoever holds the recipient
 * private key, integrity of plaintext, {@code info} and {@code aad}. The sender is not
 * authenticated (base mode): anyone can seal to a public key, so bind the sender by signing, or by
 * putting the sender's identity in {@code info}. Refuses {@code info} over {@link #MAX_INFO_LENGTH}
 * bytes, and plaintext and aad over the {@link AesGcmKey} limits.
 */
public final class Hpke {
  /** Length of the encapsulated key {@code enc} in bytes (Nenc). */
  public static final int ENC_LENGTH = HpkeSuite.N_ENC;

  /** Bytes the ciphertext adds to the plaintext (the AES-GCM tag). */
  public static final int TAG_LENGTH = AesGcm.TAG_LENGTH;

  /** Longest {@code info} accepted, in bytes. */
  public static final int MAX_INFO_LENGTH = 4096;

  private static final HpkeSuite SUITE = HpkeSuite.X25519_SHA256_AES256GCM;

  private Hpke() {}

  /**
   * The output of {@link #seal}: the encapsulated key and the ciphertext. Both are public values.
   *
   * @param enc the 32-byte encapsulated (ephemeral public) key
   * @param ciphertext the AEAD ciphertext including the 16-byte tag
   */
  public record Sealed(byte[] enc, byte[] ciphertext) {
    /** Validates lengths and copies both arrays. */
    public Sealed {
      if (enc == null || enc.length != ENC_LENGTH) {
        throw new IllegalArgumentException("HPKE enc must be 32 bytes");
      }
      if (ciphertext == null
          || ciphertext.length < TAG_LENGTH
          || ciphertext.length > AesGcmKey.MAX_PLAINTEXT_LENGTH + TAG_LENGTH) {
        throw new IllegalArgumentException("HPKE ciphertext length out of range");
      }
      enc = enc.clone();
      ciphertext = ciphertext.clone();
    }

    /**
     * Parses {@code enc || ciphertext}, the form {@link #toBytes()} writes.
     *
     * @throws IllegalArgumentException if the input is too short or too long
     */
    public static Sealed fromBytes(byte[] bytes) {
      if (bytes == null || bytes.length < ENC_LENGTH + TAG_LENGTH) {
        throw new IllegalArgumentException("HPKE sealed message too short");
      }
      return new Sealed(
          Arrays.copyOfRange(bytes, 0, ENC_LENGTH),
          Arrays.copyOfRange(bytes, ENC_LENGTH, bytes.length));
    }

    /** Returns a copy of {@code enc}. */
    @Override
    public byte[] enc() {
      return enc.clone();
    }

    /** Returns a copy of the ciphertext. */
    @Override
    public byte[] ciphertext() {
      return ciphertext.clone();
    }

    /** Returns {@code enc || ciphertext}. */
    public byte[] toBytes() {
      return HpkeSuite.concat(enc, ciphertext);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Sealed other
          && Arrays.equals(enc, other.enc)
          && Arrays.equals(ciphertext, other.ciphertext);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(enc) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
      return "Hpke.Sealed[" + ciphertext.length + " bytes]";
    }
  }

  /**
   * Encrypts {@code plaintext} to {@code recipient} (SealBase, RFC 9180 section 6.1).
   *
   * @param info application context bound into the key schedule; {@code null} means empty
   * @param aad associated data, authenticated but not encrypted; {@code null} means empty
   * @throws IllegalArgumentException if an input exceeds its size limit
   */
  public static Sealed seal(X25519PublicKey recipient, byte[] info, byte[] aad, byte[] plaintext) {
    return seal(recipient, info, aad, plaintext, X25519PrivateKey.generate());
  }

  /** SealBase with a given ephemeral key; package private for the RFC 9180 test vectors. */
  static Sealed seal(
      X25519PublicKey recipient,
      byte[] info,
      byte[] aad,
      byte[] plaintext,
      X25519PrivateKey ephemeral) {
    byte[] context = orEmpty(info);
    byte[] associated = orEmpty(aad);
    if (context.length > MAX_INFO_LENGTH) {
      throw new IllegalArgumentException("HPKE info longer than " + MAX_INFO_LENGTH);
    }
    if (associated.length > AesGcmKey.MAX_AAD_LENGTH) {
      throw new IllegalArgumentException("HPKE aad longer than 1 MiB");
    }
    if (plaintext == null || plaintext.length > AesGcmKey.MAX_PLAINTEXT_LENGTH) {
      throw new IllegalArgumentException("HPKE plaintext missing or longer than 64 MiB");
    }
    HpkeSuite.Encapsulation encap = HpkeSuite.encap(recipient, ephemeral);
    if (encap == null) {
      // Unreachable: X25519PublicKey refuses low-order points when it is created.
      throw new IllegalStateException("X25519 agreement gave the all-zero value");
    }
    HpkeSuite.Context ctx = SUITE.keySchedule(encap.sharedSecret(), context);
    return new Sealed(encap.enc(), SUITE.sealFirst(ctx, associated, plaintext));
  }

  /**
   * Decrypts a message sealed to {@code recipient} (OpenBase, RFC 9180 section 6.1). Fails with
   * {@link Decryption.Failure#INVALID_ENCAPSULATED_KEY} if {@code enc} is not a valid public key,
   * {@link Decryption.Failure#MALFORMED} if a length is out of range, and {@link
   * Decryption.Failure#AUTHENTICATION_FAILED} for a wrong key, info, aad or a modified ciphertext.
   */
  public static Decryption open(
      X25519PrivateKey recipient, byte[] enc, byte[] info, byte[] aad, byte[] ciphertext) {
    byte[] context = orEmpty(info);
    byte[] associated = orEmpty(aad);
    if (enc == null
        || ciphertext == null
        || context.length > MAX_INFO_LENGTH
        || associated.length > AesGcmKey.MAX_AAD_LENGTH
        || ciphertext.length < TAG_LENGTH
        || ciphertext.length > AesGcmKey.MAX_PLAINTEXT_LENGTH + TAG_LENGTH) {
      return Decryption.failed(Decryption.Failure.MALFORMED);
    }
    X25519PublicKey pkE;
    try {
      pkE = X25519PublicKey.fromBytes(enc);
    } catch (IllegalArgumentException e) {
      return Decryption.failed(Decryption.Failure.INVALID_ENCAPSULATED_KEY);
    }
    byte[] shared = HpkeSuite.decap(pkE, recipient);
    if (shared == null) {
      return Decryption.failed(Decryption.Failure.INVALID_ENCAPSULATED_KEY);
    }
    HpkeSuite.Context ctx = SUITE.keySchedule(shared, context);
    byte[] plaintext = SUITE.openFirst(ctx, associated, ciphertext);
    return plaintext == null
        ? Decryption.failed(Decryption.Failure.AUTHENTICATION_FAILED)
        : Decryption.success(plaintext);
  }

  /** {@link #open(X25519PrivateKey, byte[], byte[], byte[], byte[])} for a {@link Sealed}. */
  public static Decryption open(
      X25519PrivateKey recipient, Sealed sealed, byte[] info, byte[] aad) {
    return open(recipient, sealed.enc, info, aad, sealed.ciphertext);
  }

  private static byte[] orEmpty(byte[] b) {
    return b == null ? new byte[0] : b;
  }
}
