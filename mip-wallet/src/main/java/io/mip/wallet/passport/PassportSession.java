package io.mip.wallet.passport;

import io.mip.crypto.Decryption;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.Hpke;
import io.mip.crypto.Signer;
import io.mip.crypto.X25519PrivateKey;
import io.mip.crypto.X25519PublicKey;
import io.mip.profile.PersonProfile;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.auth.RequestSigner;
import io.mip.profile.client.ProfileApi;
import io.mip.wallet.passport.internal.PassportKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;

/**
 * An unlocked passport: hands out the DID's signer and key agreement decryptions, never the seed or
 * key bytes.
 *
 * <p>Security guarantees: the seed stays inside the session (it is needed again only to split it to
 * guardians) and is overwritten by {@link #close()}, after which every method refuses with {@link
 * IllegalStateException}. Java cannot guarantee that no copy survives in memory until collected.
 * {@link #toString()} prints the DID only.
 */
public final class PassportSession implements AutoCloseable {
  private final String did;
  private final int epoch;
  private final Path wallet;
  private final Ed25519PrivateKey signing;
  private final X25519PrivateKey agreement;
  private final byte[] seed;
  private volatile boolean closed;

  PassportSession(String did, int epoch, Path wallet, byte[] seed) {
    this.did = Objects.requireNonNull(did, "did");
    this.epoch = epoch;
    this.wallet = wallet.toAbsolutePath();
    this.seed = seed.clone();
    this.signing = PassportKeys.signing(seed, epoch);
    this.agreement = PassportKeys.agreement(seed, epoch);
  }

  /** Returns the passport's DID. */
  public String did() {
    return did;
  }

  /** Returns the key epoch the session's keys belong to. */
  public int epoch() {
    return epoch;
  }

  /** Returns the passport file this session was opened from. */
  public Path wallet() {
    return wallet;
  }

  /** Returns the DID's current Ed25519 public key. */
  public Ed25519PublicKey signingKey() {
    return signing.publicKey();
  }

  /** Returns the DID's current X25519 key agreement public key. */
  public X25519PublicKey agreementKey() {
    return agreement.publicKey();
  }

  /** Returns a signer with the DID's key; it refuses once the session is closed. */
  public Signer signer() {
    Signer s = signing.signer();
    return message -> {
      requireOpen();
      return s.sign(message);
    };
  }

  /** Signs {@code message} with the DID's key (RFC 8032 pure Ed25519, 64 bytes). */
  public byte[] sign(byte[] message) {
    requireOpen();
    return signing.signer().sign(message);
  }

  /** Opens an HPKE message sealed to the DID's key agreement key (RFC 9180 OpenBase). */
  public Decryption open(Hpke.Sealed sealed, byte[] info, byte[] aad) {
    requireOpen();
    return Hpke.open(agreement, sealed, info, aad);
  }

  /**
   * Returns a signer of MIP signed requests ({@code Authorization: MIP}, docs/profile.md) as this
   * DID, with the session's key; it keeps working after {@link #close()} only for requests already
   * signed.
   */
  public RequestSigner requestSigner(Clock clock) {
    requireOpen();
    return new RequestSigner(did, signing, clock);
  }

  /**
   * Returns the person's side of the Smart Profile over {@code api}, acting with this session's
   * keys: consent operations signed by the DID key, records opened with the key agreement key.
   */
  public PersonProfile profile(ProfileApi api, PartyKeys keys, Clock clock) {
    requireOpen();
    return new PersonProfile(api, signing, agreement, keys, clock);
  }

  /** Returns whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** Overwrites the seed; the session is unusable afterwards. */
  @Override
  public void close() {
    closed = true;
    synchronized (seed) {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** Returns a copy of the seed, for splitting it to guardians. */
  byte[] seed() {
    requireOpen();
    synchronized (seed) {
      return seed.clone();
    }
  }

  /** Returns the private signing key, for DID operations built inside this package. */
  Ed25519PrivateKey signingPrivateKey() {
    requireOpen();
    return signing;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("passport session is closed");
    }
  }

  @Override
  public String toString() {
    return "PassportSession[" + did + "]";
  }
}
