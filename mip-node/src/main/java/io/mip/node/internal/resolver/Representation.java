package io.mip.node.internal.resolver;

import io.mip.node.internal.http.ProblemException;
import io.mip.node.internal.http.ProblemType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The representations the resolver route can send, chosen from the {@code Accept} header (RFC 9110
 * section 12.5.1; q-values honoured, ties keep header order). No header, {@code *}{@code /*} or
 * {@code application/json} gets the resolution result as {@code application/did-resolution+json}.
 */
enum Representation {
  /** The resolution result (the default). */
  RESOLUTION_JSON("application/did-resolution+json", false),
  /** The resolution result under the W3C DID Resolution media type. */
  RESOLUTION("application/did-resolution", false),
  /** The resolution result as the Universal Resolver's JSON-LD profile. */
  RESOLUTION_LD(
      "application/ld+json;profile=\"https://w3id.org/did-resolution\";charset=utf-8", false),
  /** Only the DID document, JSON-LD (DID Core section 6.3). */
  DOCUMENT_LD("application/did+ld+json", true),
  /** Only the DID document, plain JSON (DID Core section 6.2). */
  DOCUMENT_JSON("application/did+json", true);

  private static final int MAX_RANGES = 32;

  private final String mediaType;
  private final boolean documentOnly;

  Representation(String mediaType, boolean documentOnly) {
    this.mediaType = mediaType;
    this.documentOnly = documentOnly;
  }

  String mediaType() {
    return mediaType;
  }

  boolean documentOnly() {
    return documentOnly;
  }

  /**
   * Picks the representation for an Accept header.
   *
   * @throws ProblemException {@code not-acceptable} (406) when nothing acceptable is offered
   */
  static Representation negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return RESOLUTION_JSON;
    }
    List<Range> ranges = new ArrayList<>();
    String[] parts = accept.split(",");
    for (int i = 0; i < parts.length && i < MAX_RANGES; i++) {
      ranges.add(Range.parse(parts[i], i));
    }
    ranges.sort(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::order));
    for (Range r : ranges) {
      if (r.q() <= 0) {
        continue;
      }
      Representation match = match(r);
      if (match != null) {
        return match;
      }
    }
    throw new ProblemException(
        ProblemType.NOT_ACCEPTABLE,
        "the resolver offers application/did-resolution+json, application/did-resolution,"
            + " application/ld+json;profile=\"https://w3id.org/did-resolution\","
            + " application/did+ld+json and application/did+json");
  }

  private static Representation match(Range r) {
    return switch (r.type()) {
      case "*/*", "application/*", "application/json", "application/did-resolution+json" ->
          RESOLUTION_JSON;
      case "application/did-resolution" -> RESOLUTION;
      case "application/ld+json" ->
          r.profile().contains("https://w3id.org/did-resolution") ? RESOLUTION_LD : DOCUMENT_LD;
      case "application/did+ld+json", "application/did" -> DOCUMENT_LD;
      case "application/did+json" -> DOCUMENT_JSON;
      default -> null;
    };
  }

  private record Range(String type, String profile, double q, int order) {
    static Range parse(String text, int order) {
      String[] params = text.split(";");
      String type = params[0].trim().toLowerCase(Locale.ROOT);
      String profile = "";
      double q = 1.0;
      for (int i = 1; i < params.length; i++) {
        String[] kv = params[i].split("=", 2);
        if (kv.length != 2) {
          continue;
        }
        String key = kv[0].trim().toLowerCase(Locale.ROOT);
        String value = kv[1].trim().replace("\"", "");
        if (key.equals("q")) {
          try {
            q = Double.parseDouble(value);
          } catch (NumberFormatException e) {
            q = 0;
          }
        } else if (key.equals("profile")) {
          profile = value;
        }
      }
      return new Range(type, profile, q, order);
    }
  }
}
