package io.mip.profile.service;

import io.mip.profile.Category;
import io.mip.profile.consent.StoredGrant;
import io.mip.profile.service.ProfileRefusal.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** How grants decide reads and deposits; pure functions over a person's stored grants. */
final class GrantRules {
  private GrantRules() {}

  /**
   * Decides whether an app may read a record of {@code category}, given the person's grants to that
   * app: empty if a live grant covers it; otherwise the most specific refusal (revoked beats
   * expired beats none).
   */
  static Optional<ProfileRefusal> readAccess(
      List<StoredGrant> grantsToApp, Category category, Instant now) {
    boolean revoked = false;
    boolean expired = false;
    for (StoredGrant g : grantsToApp) {
      if (!g.grant().covers(category)) {
        continue;
      }
      switch (g.status(now)) {
        case LIVE:
          return Optional.empty();
        case REVOKED:
          revoked = true;
          break;
        default:
          expired = true;
      }
    }
    if (revoked) {
      return Optional.of(
          ProfileRefusal.of(Reason.GRANT_REVOKED, "the person revoked the grant for this record"));
    }
    if (expired) {
      return Optional.of(
          ProfileRefusal.of(Reason.GRANT_EXPIRED, "the grant for this record has expired"));
    }
    return Optional.of(
        ProfileRefusal.of(Reason.NO_GRANT, "no grant from the person covers this record"));
  }

  /** Returns the apps holding a live include-future grant covering {@code category}. */
  static Set<String> futureRecipients(List<StoredGrant> grants, Category category, Instant now) {
    Set<String> apps = new TreeSet<>();
    for (StoredGrant g : grants) {
      if (g.grant().includeFuture()
          && g.grant().covers(category)
          && g.status(now) == StoredGrant.Status.LIVE) {
        apps.add(g.grant().app());
      }
    }
    return apps;
  }

  /** Returns whether any of the app's grants other than {@code except} is live for {@code c}. */
  static boolean otherLiveGrant(
      List<StoredGrant> grantsToApp, String except, Category c, Instant now) {
    return grantsToApp.stream()
        .anyMatch(
            g ->
                !g.id().equals(except)
                    && g.grant().covers(c)
                    && g.status(now) == StoredGrant.Status.LIVE);
  }
}
