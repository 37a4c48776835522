package io.mip.profile.internal;

import io.mip.did.Did;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Input checks shared by the profile's value types. */
public final class Checks {
  /** Longest DID a profile value accepts; DIDs in MIP are far shorter. */
  public static final int MAX_DID_LENGTH = 256;

  private static final Pattern SCHEMA = Pattern.compile("[\\x21-\\x7e]{1,256}");

  /** Most DIDs remembered as valid; the set is emptied when full. */
  private static final int MAX_REMEMBERED = 10_000;

  /**
   * DIDs that passed {@link Did#parse}: the same few DIDs are checked on every request, and the
   * generic DID syntax is a backtracking regex that cost a tenth of a deposit's CPU.
   */
  private static final Set<String> VALID_DIDS = ConcurrentHashMap.newKeySet();

  private Checks() {}

  /** Returns {@code did} if it is a DID of at most 256 characters; throws otherwise. */
  public static String did(String did, String what) {
    if (did == null || did.length() > MAX_DID_LENGTH) {
      throw new IllegalArgumentException(what + " must be a DID of at most 256 characters");
    }
    if (VALID_DIDS.contains(did)) {
      return did;
    }
    try {
      Did.parse(did);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not a DID: " + e.getMessage(), e);
    }
    if (VALID_DIDS.size() >= MAX_REMEMBERED) {
      VALID_DIDS.clear();
    }
    VALID_DIDS.add(did);
    return did;
  }

  /** Returns {@code schema} if it is 1 to 256 printable ASCII characters without spaces. */
  public static String schema(String schema) {
    if (schema == null || !SCHEMA.matcher(schema).matches()) {
      throw new IllegalArgumentException("schema id must be 1 to 256 printable ASCII characters");
    }
    return schema;
  }
}
