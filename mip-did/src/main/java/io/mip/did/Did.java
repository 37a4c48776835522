package io.mip.did;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A decentralized identifier, {@code did:<method>:<method-specific-id>}, checked against the
 * generic DID syntax of W3C DID Core 1.0 section 3.1.
 *
 * <p>Refuses strings longer than {@link #MAX_LENGTH}, upper-case or empty method names, and
 * method-specific ids with characters outside {@code idchar} (ALPHA, DIGIT, ".", "-", "_",
 * pct-encoded) or ending in ":". Method-level syntax (what a {@code did:mip} or {@code did:key} id
 * must look like) is the method resolver's job.
 *
 * @param method the method name, such as {@code mip}
 * @param methodSpecificId the part after the second colon
 */
public record Did(String method, String methodSpecificId) {
  /** Longest DID accepted, in characters; a size limit on untrusted input. */
  public static final int MAX_LENGTH = 2048;

  private static final Pattern METHOD = Pattern.compile("[a-z0-9]+");
  private static final Pattern ID_CHARS = idPattern();

  private static Pattern idPattern() {
    String idchar = "(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})";
    return Pattern.compile("(?:" + idchar + "*:)*" + idchar + "+");
  }

  /** Validates both parts. */
  public Did {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(methodSpecificId, "methodSpecificId");
    if (!METHOD.matcher(method).matches()) {
      throw new IllegalArgumentException("DID method name must be lower-case letters and digits");
    }
    if (method.length() + methodSpecificId.length() + 5 > MAX_LENGTH) {
      throw new IllegalArgumentException("DID is longer than " + MAX_LENGTH + " characters");
    }
    if (!ID_CHARS.matcher(methodSpecificId).matches()) {
      throw new IllegalArgumentException("DID method-specific id has invalid syntax");
    }
  }

  /**
   * Parses a DID (no path, query or fragment; use {@link DidUrl} for those).
   *
   * @throws IllegalArgumentException if {@code text} is not a DID
   */
  public static Did parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("DID is null");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("DID is longer than " + MAX_LENGTH + " characters");
    }
    if (!text.startsWith("did:")) {
      throw new IllegalArgumentException("DID must start with 'did:'");
    }
    int colon = text.indexOf(':', 4);
    if (colon < 0) {
      throw new IllegalArgumentException("DID must have a method and a method-specific id");
    }
    return new Did(text.substring(4, colon), text.substring(colon + 1));
  }

  /** Parses a DID, or returns empty if {@code text} is not one. */
  public static Optional<Did> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Returns the DID string, {@code did:<method>:<method-specific-id>}. */
  @Override
  public String toString() {
    return "did:" + method + ":" + methodSpecificId;
  }
}
