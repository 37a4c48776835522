package io.mip.node.oidc;

import java.util.List;

/**
 * The wallets (passports) kept on this node, as the authorization page needs them: which exist, and
 * unlocking one with face images and a PIN. Implemented over the wallet's passport service; the
 * provider never sees a key, only an {@link UnlockedPassport} that acts for the person.
 *
 * <p>Implementations must not store or log the images or the PIN, and must apply the wallet's
 * attempt limits (a locked-out passport answers {@link UnlockResult.Refusal#LOCKED_OUT}).
 */
public interface PassportGate {
  /** Returns the passports a person may pick on this node (at most a few hundred). */
  List<PassportChoice> passports();

  /**
   * Unlocks one passport.
   *
   * @param passportId an id from {@link #passports()}
   * @param faceImages encoded face images (JPEG/PNG), each at most a few MB; the caller wipes them
   *     afterwards
   * @param pin the PIN; the caller wipes it afterwards
   */
  UnlockResult unlock(String passportId, List<byte[]> faceImages, char[] pin);

  /**
   * A passport a person can pick.
   *
   * @param id a stable opaque id, safe to put in a form field
   * @param label what the page shows (the DID, shortened, or a name the person chose)
   */
  record PassportChoice(String id, String label) {
    /** Checks the id's form: 1 to 128 characters of {@code [A-Za-z0-9._:-]}. */
    public PassportChoice {
      if (id == null || !id.matches("[A-Za-z0-9._:-]{1,128}")) {
        throw new IllegalArgumentException("passport id must be 1 to 128 safe characters");
      }
      if (label == null || label.isBlank() || label.length() > 200) {
        throw new IllegalArgumentException("passport label must be 1 to 200 characters");
      }
    }
  }

  /** A gate with no passports (a node that keeps no wallets). */
  static PassportGate none() {
    return new PassportGate() {
      @Override
      public List<PassportChoice> passports() {
        return List.of();
      }

      @Override
      public UnlockResult unlock(String passportId, List<byte[]> faceImages, char[] pin) {
        return UnlockResult.refused(
            UnlockResult.Refusal.UNKNOWN_PASSPORT, "this node keeps no passports");
      }
    };
  }
}
