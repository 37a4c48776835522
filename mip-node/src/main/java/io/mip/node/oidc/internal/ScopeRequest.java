package io.mip.node.oidc.internal;

import io.mip.credential.kyc.KycCredential;
import io.mip.profile.CategoryPattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an authorization request's {@code scope} asks for (RFC 6749 section 3.3): {@code openid}
 * (required), {@code kyc} (every claim of the KYC credential), single KYC claims by name ({@code
 * given_name}, {@code age_over_18}, ...), and {@code profile:PATTERN} (a Smart Profile consent
 * grant for the category pattern, such as {@code profile:health.*}). Any other value is refused, so
 * an app never believes it asked for something the person was not shown.
 *
 * @param values the scope values as sent, de-duplicated, in order
 * @param kycClaims the KYC claim names asked for
 * @param profileCategories the category patterns asked for
 */
public record ScopeRequest(
    List<String> values, Set<String> kycClaims, List<String> profileCategories) {
  /** The scope every request must carry. */
  public static final String OPENID = "openid";

  /** The scope for every KYC claim. */
  public static final String KYC = "kyc";

  /** Prefix of Smart Profile scopes. */
  public static final String PROFILE_PREFIX = "profile:";

  /** Most scope values in one request. */
  public static final int MAX_VALUES = 32;

  /** Copies. */
  public ScopeRequest {
    values = List.copyOf(values);
    kycClaims = Set.copyOf(kycClaims);
    profileCategories = List.copyOf(profileCategories);
  }

  /**
   * Parses the scope values.
   *
   * @throws IllegalArgumentException naming the first value that is not understood, or when {@code
   *     openid} is missing
   */
  public static ScopeRequest parse(List<String> scope) {
    if (scope.size() > MAX_VALUES) {
      throw new IllegalArgumentException("at most " + MAX_VALUES + " scope values");
    }
    Set<String> values = new LinkedHashSet<>(scope);
    if (!values.contains(OPENID)) {
      throw new IllegalArgumentException("scope must include openid");
    }
    Set<String> kyc = new LinkedHashSet<>();
    List<String> categories = new ArrayList<>();
    for (String v : values) {
      if (v.equals(OPENID)) {
        continue;
      } else if (v.equals(KYC)) {
        kyc.addAll(KycCredential.CLAIMS);
      } else if (KycCredential.CLAIMS.contains(v)) {
        kyc.add(v);
      } else if (v.startsWith(PROFILE_PREFIX)) {
        String pattern = v.substring(PROFILE_PREFIX.length());
        try {
          new CategoryPattern(pattern);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("scope " + shown(v) + ": " + e.getMessage());
        }
        categories.add(pattern);
      } else {
        throw new IllegalArgumentException(
            "unsupported scope "
                + shown(v)
                + "; supported: openid, kyc, the KYC claim names, profile:CATEGORY");
      }
    }
    return new ScopeRequest(List.copyOf(values), kyc, categories);
  }

  /** Returns every scope value this provider understands on its own (for discovery). */
  public static List<String> supported() {
    List<String> s = new ArrayList<>();
    s.add(OPENID);
    s.add(KYC);
    s.addAll(KycCredential.CLAIMS);
    return s;
  }

  /** Returns whether {@code other} asks for nothing beyond this request. */
  public boolean covers(ScopeRequest other) {
    return kycClaims.containsAll(other.kycClaims)
        && profileCategories.containsAll(other.profileCategories);
  }

  private static String shown(String v) {
    String s = v.length() > 60 ? v.substring(0, 60) + "..." : v;
    return "'" + s.replaceAll("[^\\x20-\\x7e]", "?") + "'";
  }
}
