package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import io.mip.cli.did.DidKeyFile;
import io.mip.cli.did.KeySet;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.Signer;
import io.mip.face.FaceEngine;
import io.mip.profile.PersonProfile;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.auth.RequestSigner;
import io.mip.profile.client.ProfileApi;
import io.mip.wallet.passport.LivenessPolicy;
import io.mip.wallet.passport.PassportSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * "Who acts" in a holder command (kyc issue, credential present, profile, consent): either a
 * passport, {@code --passport FILE --face IMG [--face IMG] --pin-stdin|--pin-file F}, unlocked as
 * {@code mip passport unlock} does (same exit codes 10 to 17 and messages), or a DID key file,
 * {@code --did DID --key FILE} (kept for scripts and apps). Exactly one of the two, else exit 2.
 */
public final class HolderOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--passport",
      paramLabel = "FILE",
      description =
          "Act as this passport, unlocked with --face photo(s) and the PIN (--pin-stdin or"
              + " --pin-file); instead of --did/--key.")
  Path passport;

  @Mixin FaceOptions face;
  @Mixin DidKeyOptions key;

  /** Returns the passport file named, if any, before anything is unlocked. */
  public Optional<Path> passportFile() {
    return Optional.ofNullable(passport);
  }

  /**
   * Opens the holder: unlocks the passport (reading the PIN and the photos) or reads the key file.
   * The caller closes it.
   *
   * @throws CliFailure exit 2 unless exactly one of the two ways is given; the passport's exit
   *     codes (10 to 17) when the unlock is refused; exit 3 when the face models are unavailable
   */
  public Holder open() {
    boolean faceGiven = !face.faces.isEmpty() || face.pinStdin || face.pinFile != null;
    if ((passport != null) == key.given()) {
      throw CliFailure.usage(
          "say who acts: --passport FILE --face IMG --pin-stdin (a passport), or --did DID --key"
              + " FILE (a DID key file), not both");
    }
    if (passport == null) {
      if (faceGiven) {
        throw CliFailure.usage("--face, --pin-stdin and --pin-file go with --passport");
      }
      DidKeyFile file = key.load();
      return new KeyFileHolder(file.did(), file.current());
    }
    PrintWriter err = spec.commandLine().getErr();
    face.requireAtLeast(1);
    if (face.faces.size() == 1) {
      err.println("mip: one photo unlocks less often than two; give a second --face if refused");
    }
    try (FaceEngine engine = Wallets.engine()) {
      return new PassportHolder(
          Unlocking.unlock(Wallets.service(engine, LivenessPolicy.RECORD), passport, face, err));
    }
  }

  private record PassportHolder(PassportSession session) implements Holder {
    @Override
    public String did() {
      return session.did();
    }

    @Override
    public Ed25519PublicKey signingKey() {
      return session.signingKey();
    }

    @Override
    public Signer signer() {
      return session.signer();
    }

    @Override
    public RequestSigner requestSigner(Clock clock) {
      return session.requestSigner(clock);
    }

    @Override
    public PersonProfile profile(ProfileApi api, PartyKeys keys, Clock clock) {
      return session.profile(api, keys, clock);
    }

    @Override
    public Optional<Path> passport() {
      return Optional.of(session.wallet());
    }

    @Override
    public void close() {
      session.close();
    }

    @Override
    public String toString() {
      return "passport " + session.did();
    }
  }

  private record KeyFileHolder(String did, KeySet keys) implements Holder {
    @Override
    public Ed25519PublicKey signingKey() {
      return keys.signing().publicKey();
    }

    @Override
    public Signer signer() {
      return keys.signing().signer();
    }

    @Override
    public RequestSigner requestSigner(Clock clock) {
      return new RequestSigner(did, keys.signing(), clock);
    }

    @Override
    public PersonProfile profile(ProfileApi api, PartyKeys partyKeys, Clock clock) {
      return new PersonProfile(api, keys.signing(), keys.agreement(), partyKeys, clock);
    }

    @Override
    public Optional<Path> passport() {
      return Optional.empty();
    }

    @Override
    public void close() {
      // nothing to wipe: the key file stays on disk
    }

    @Override
    public String toString() {
      return "key file of " + did;
    }
  }
}
