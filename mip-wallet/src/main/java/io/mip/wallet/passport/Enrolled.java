package io.mip.wallet.passport;

import io.mip.face.Liveness;
import java.util.List;
import java.util.Objects;

/**
 * A passport that was just created (or re-created by recovery): an open session and the liveness
 * model's decision on each enrolment capture, as recorded.
 *
 * @param session the unlocked passport
 * @param liveness one decision per capture, in image order
 */
public record Enrolled(PassportSession session, List<Liveness> liveness) {
  /** Validates and copies. */
  public Enrolled {
    Objects.requireNonNull(session, "session");
    liveness = List.copyOf(liveness);
  }

  /** Returns how many captures the liveness model judged real. */
  public int judgedReal() {
    return (int) liveness.stream().filter(l -> l.decision() == Liveness.Decision.REAL).count();
  }
}
