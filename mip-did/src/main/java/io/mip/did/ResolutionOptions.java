package io.mip.did;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * DID resolution options (W3C DID Core 1.0 section 7.1.1): which version of the DID document to
 * return.
 *
 * <p>{@code versionTime} selects the document as it stood at that instant (the last operation at or
 * before it, compared at whole seconds); {@code versionId} selects the version created by that
 * operation. Both at once are refused as {@link ResolutionError#INVALID_OPTIONS} by the resolvers.
 *
 * @param versionTime the instant, or empty for the latest version
 * @param versionId the version id, or empty
 */
public record ResolutionOptions(Optional<Instant> versionTime, Optional<String> versionId) {
  /** Longest versionId accepted. */
  public static final int MAX_VERSION_ID_LENGTH = 128;

  private static final ResolutionOptions LATEST =
      new ResolutionOptions(Optional.empty(), Optional.empty());

  /** Validates the fields. */
  public ResolutionOptions {
    Objects.requireNonNull(versionTime, "versionTime");
    Objects.requireNonNull(versionId, "versionId");
    if (versionId.isPresent()
        && (versionId.get().isEmpty() || versionId.get().length() > MAX_VERSION_ID_LENGTH)) {
      throw new IllegalArgumentException(
          "versionId must be 1-" + MAX_VERSION_ID_LENGTH + " characters");
    }
  }

  /** No options: the latest version. */
  public static ResolutionOptions latest() {
    return LATEST;
  }

  /** The version as it stood at {@code time}. */
  public static ResolutionOptions atTime(Instant time) {
    return new ResolutionOptions(Optional.of(time), Optional.empty());
  }

  /** The version created by the operation {@code versionId}. */
  public static ResolutionOptions atVersion(String versionId) {
    return new ResolutionOptions(Optional.empty(), Optional.of(versionId));
  }

  /**
   * Parses options as they arrive in an HTTP query ({@code ?versionTime=...&versionId=...}); null
   * or empty strings mean absent. {@code versionTime} is an XML Schema dateTime in UTC as DID Core
   * section 7.1.1 requires, such as {@code 2025-01-01T12:00:00Z}.
   *
   * @throws IllegalArgumentException if a value is malformed
   */
  public static ResolutionOptions parse(String versionTime, String versionId) {
    Optional<Instant> time = Optional.empty();
    if (versionTime != null && !versionTime.isEmpty()) {
      if (versionTime.length() > 64) {
        throw new IllegalArgumentException("versionTime is too long");
      }
      try {
        time = Optional.of(Instant.parse(versionTime));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "versionTime must be a UTC dateTime such as 2025-01-01T12:00:00Z");
      }
    }
    Optional<String> id =
        versionId == null || versionId.isEmpty() ? Optional.empty() : Optional.of(versionId);
    return new ResolutionOptions(time, id);
  }

  /** Returns whether a specific version (not the latest) is asked for. */
  public boolean selectsVersion() {
    return versionTime.isPresent() || versionId.isPresent();
  }
}
