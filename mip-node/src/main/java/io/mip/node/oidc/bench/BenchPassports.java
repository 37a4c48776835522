package io.mip.node.oidc.bench;

import io.mip.node.oidc.PassportGate;
import io.mip.node.oidc.UnlockResult;
import io.mip.node.oidc.UnlockedPassport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The benchmark's passports: one person whose passport opens with the PIN alone. The benchmark
 * measures the provider, not the face pipeline (face unlock is measured by the wallet's own
 * benchmark), so this gate skips it.
 */
final class BenchPassports implements PassportGate {
  static final String ID = "bench";
  static final String PIN = "2468";

  private final String did;

  BenchPassports(String did) {
    this.did = did;
  }

  @Override
  public List<PassportChoice> passports() {
    return List.of(new PassportChoice(ID, "bench person"));
  }

  @Override
  public UnlockResult unlock(String passportId, List<byte[]> faceImages, char[] pin) {
    if (!ID.equals(passportId) || !PIN.equals(new String(pin))) {
      return UnlockResult.refused(UnlockResult.Refusal.FACE_OR_PIN_MISMATCH, "no match");
    }
    return UnlockResult.unlocked(
        new UnlockedPassport() {
          @Override
          public String did() {
            return did;
          }

          @Override
          public Set<String> kycClaims() {
            return Set.of();
          }

          @Override
          public Optional<String> presentKyc(Set<String> claims, String nonce, String audience) {
            return Optional.empty();
          }

          @Override
          public GrantOutcome grantProfile(String app, List<String> categories, Instant until) {
            return GrantOutcome.refused("not in the benchmark");
          }

          @Override
          public void close() {}
        });
  }
}
