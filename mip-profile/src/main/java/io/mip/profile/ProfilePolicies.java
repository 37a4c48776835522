package io.mip.profile;

import io.mip.ledger.OperationPolicy;
import io.mip.profile.anchor.AnchorPolicy;
import io.mip.profile.app.AppPolicy;
import io.mip.profile.consent.ConsentPolicy;
import java.util.List;

/**
 * The ledger admission policies the Smart Profile needs: {@code app.*}, {@code consent.*} and
 * {@code anchor.batch}. A node adds them to its ledger's policies.
 */
public final class ProfilePolicies {
  private ProfilePolicies() {}

  /** Returns one instance of each policy. */
  public static List<OperationPolicy> all() {
    return List.of(new AppPolicy(), new ConsentPolicy(), new AnchorPolicy());
  }
}
