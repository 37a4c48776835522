package io.mip.node.backup;

import io.mip.crypto.Argon2idParameters;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipResolver;
import io.mip.face.FaceTemplate;
import io.mip.face.binding.FaceKeyBinding;
import io.mip.face.binding.HelperData;
import io.mip.ledger.Ledger;
import io.mip.profile.auth.RequestSigner;
import io.mip.wallet.passport.AttemptState;
import io.mip.wallet.passport.Passport;
import io.mip.wallet.passport.backup.BackupUpload;
import io.mip.wallet.passport.backup.PassportBackup;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A DID on the test node's ledger with a random key, standing in for a passport where the node's
 * side alone is tested (no faces, no Argon2id): the node sees only signed requests, public parts, a
 * verifier public key and opaque sealed bytes, so random ones exercise it fully.
 */
final class SyntheticOwner {
  static final HelperData HELPER = helper();

  Ed25519PrivateKey didKey = Ed25519PrivateKey.generate();
  final Ed25519PrivateKey authKey = Ed25519PrivateKey.generate();
  final byte[] sealed = new byte[Passport.SEALED_SEED_LENGTH];
  final String did;
  int epoch;

  SyntheticOwner(Ledger ledger) {
    new SecureRandom().nextBytes(sealed);
    var create =
        DidMipOperations.create(didKey, X25519PrivateKey.generate().publicKey(), List.of());
    did = DidMipOperations.didOf(create);
    if (!ledger.submit(create).admitted()) {
      throw new IllegalStateException("did.create refused");
    }
  }

  /** Rotates the DID's signing key on the ledger, as a guardian recovery does (epoch + 1). */
  void rotate(Ledger ledger) {
    Ed25519PrivateKey next = Ed25519PrivateKey.generate();
    var state = new DidMipResolver(ledger).state(did).orElseThrow();
    if (!ledger.submit(DidMipOperations.rotate(state, didKey, next.publicKey())).admitted()) {
      throw new IllegalStateException("rotation refused");
    }
    didKey = next;
    epoch++;
  }

  Passport passport(int atEpoch) {
    return new Passport(
        Passport.VERSION,
        did,
        atEpoch,
        Instant.parse("2026-05-01T08:00:00Z"),
        HELPER,
        42,
        3,
        3,
        Argon2idParameters.MINIMUM,
        new byte[16],
        sealed,
        AttemptState.CLEAR,
        null);
  }

  /** An upload at the current epoch, its proof by the DID's current key. */
  byte[] upload() {
    return upload(epoch, didKey);
  }

  byte[] upload(int atEpoch, Ed25519PrivateKey proofKey) {
    return new BackupUpload(
            PassportBackup.of(passport(atEpoch), proofKey.signer()), authKey.publicKey(), sealed)
        .toBytes();
  }

  /** An {@code Authorization: MIP} value for one request, signed by {@code key} as this DID. */
  String authorization(
      Ed25519PrivateKey key, Clock clock, String audience, String method, String path, byte[] b) {
    return new RequestSigner(did, key, clock).authorization(audience, method, path, b);
  }

  String path() {
    return "/passport-backups/" + did;
  }

  private static HelperData helper() {
    Random r = new Random(11);
    float[] base = new float[512];
    for (int i = 0; i < base.length; i++) {
      base[i] = (float) r.nextGaussian();
    }
    List<FaceTemplate> captures = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      float[] v = base.clone();
      for (int i = 0; i < v.length; i++) {
        v[i] += (float) (0.1 * r.nextGaussian());
      }
      captures.add(FaceTemplate.of(v));
    }
    return new FaceKeyBinding().enrol(captures, new SecureRandom()).helperData();
  }
}
