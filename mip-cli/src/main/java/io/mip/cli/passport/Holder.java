package io.mip.cli.passport;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.Signer;
import io.mip.profile.PersonProfile;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.auth.RequestSigner;
import io.mip.profile.client.ProfileApi;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The person a holder command acts as: either an unlocked passport (its keys derive from the sealed
 * seed and exist only between a face + PIN unlock and {@link #close()}) or a DID key file (for
 * scripts and apps). Made by {@link HolderOptions#open()}.
 *
 * <p>Guarantees: hands out signers and a profile acting with the DID's current keys, never key
 * bytes; {@link #close()} overwrites an unlocked passport's seed, after which signing refuses.
 */
public interface Holder extends AutoCloseable {
  /** Returns the DID the holder acts as. */
  String did();

  /** Returns the DID's current Ed25519 public key (the key credentials are bound to). */
  Ed25519PublicKey signingKey();

  /** Returns a signer with the DID's current key (RFC 8032 Ed25519). */
  Signer signer();

  /** Returns a signer of MIP signed requests ({@code Authorization: MIP}, docs/profile.md). */
  RequestSigner requestSigner(Clock clock);

  /** Returns the person's side of the Smart Profile over {@code api}, acting with these keys. */
  PersonProfile profile(ProfileApi api, PartyKeys keys, Clock clock);

  /** Returns the passport file when the holder is an unlocked passport. */
  Optional<Path> passport();

  /** Ends the holder: an unlocked passport's seed is overwritten. */
  @Override
  void close();
}
