package io.mip.did;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * DID resolution metadata (W3C DID Core 1.0 section 7.1.2): the content type on success, the error
 * on failure. Exactly one of the two is present.
 *
 * @param contentType the media type of the document, on success
 * @param error the error, on failure
 * @param errorMessage a human-readable explanation of the error (the Universal Resolver's {@code
 *     errorMessage}); never contains secrets
 */
public record DidResolutionMetadata(
    Optional<String> contentType, Optional<ResolutionError> error, Optional<String> errorMessage) {
  /** Checks that exactly one of content type and error is present. */
  public DidResolutionMetadata {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(errorMessage, "errorMessage");
    if (contentType.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("exactly one of contentType and error must be present");
    }
    if (errorMessage.isPresent() && error.isEmpty()) {
      throw new IllegalArgumentException("errorMessage without error");
    }
  }

  /** Metadata for a successful resolution to a JSON-LD document. */
  public static DidResolutionMetadata success() {
    return new DidResolutionMetadata(
        Optional.of(DidDocument.MEDIA_TYPE), Optional.empty(), Optional.empty());
  }

  /** Metadata for a failed resolution. */
  public static DidResolutionMetadata failure(ResolutionError error, String message) {
    return new DidResolutionMetadata(
        Optional.empty(), Optional.of(error), Optional.ofNullable(message));
  }

  /** Returns the JSON form. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    contentType.ifPresent(c -> node.put("contentType", c));
    error.ifPresent(e -> node.put("error", e.code()));
    errorMessage.ifPresent(m -> node.put("errorMessage", m));
    return node;
  }
}
