package io.mip.did;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A DID URL (W3C DID Core 1.0 section 3.2): a DID followed by an optional path, query and fragment,
 * as in {@code did:mip:7Xa...#key-1}.
 *
 * <p>Refuses anything that is not a DID followed by RFC 3986 path, query and fragment characters,
 * and anything longer than {@link Did#MAX_LENGTH}. Empty components are represented as empty {@link
 * Optional}s; {@link #toString()} gives back the canonical string.
 *
 * @param did the DID
 * @param path the path including its leading "/", or empty
 * @param query the query without "?", or empty
 * @param fragment the fragment without "#", or empty
 */
public record DidUrl(
    Did did, Optional<String> path, Optional<String> query, Optional<String> fragment) {
  private static final String PCHAR = "(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})";
  private static final Pattern PATH = Pattern.compile("(?:/" + PCHAR + "*)+");
  private static final Pattern QUERY_OR_FRAGMENT = Pattern.compile("(?:" + PCHAR + "|[/?])*");

  /** Validates the components. */
  public DidUrl {
    Objects.requireNonNull(did, "did");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(fragment, "fragment");
    if (path.isPresent() && !PATH.matcher(path.get()).matches()) {
      throw new IllegalArgumentException("DID URL path has invalid syntax");
    }
    if (query.isPresent() && !QUERY_OR_FRAGMENT.matcher(query.get()).matches()) {
      throw new IllegalArgumentException("DID URL query has invalid syntax");
    }
    if (fragment.isPresent()
        && (fragment.get().isEmpty() || !QUERY_OR_FRAGMENT.matcher(fragment.get()).matches())) {
      throw new IllegalArgumentException("DID URL fragment has invalid syntax");
    }
  }

  /** A DID URL that is a DID with a fragment, {@code did#fragment}. */
  public static DidUrl withFragment(Did did, String fragment) {
    return new DidUrl(did, Optional.empty(), Optional.empty(), Optional.of(fragment));
  }

  /**
   * Parses a DID URL.
   *
   * @throws IllegalArgumentException if {@code text} is not a DID URL
   */
  public static DidUrl parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("DID URL is null");
    }
    if (text.length() > Did.MAX_LENGTH) {
      throw new IllegalArgumentException(
          "DID URL is longer than " + Did.MAX_LENGTH + " characters");
    }
    String rest = text;
    Optional<String> fragment = Optional.empty();
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      fragment = Optional.of(rest.substring(hash + 1));
      rest = rest.substring(0, hash);
    }
    Optional<String> query = Optional.empty();
    int question = rest.indexOf('?');
    if (question >= 0) {
      query = Optional.of(rest.substring(question + 1));
      rest = rest.substring(0, question);
    }
    Optional<String> path = Optional.empty();
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      path = Optional.of(rest.substring(slash));
      rest = rest.substring(0, slash);
    }
    return new DidUrl(Did.parse(rest), path, query, fragment);
  }

  /** Returns whether this DID URL is just a DID and a fragment (how a key is named). */
  public boolean isFragmentOnly() {
    return path.isEmpty() && query.isEmpty() && fragment.isPresent();
  }

  @Override
  public String toString() {
    return did
        + path.orElse("")
        + query.map(q -> "?" + q).orElse("")
        + fragment.map(f -> "#" + f).orElse("");
  }
}
