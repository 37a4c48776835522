package io.mip.did;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of DID resolution (W3C DID Core 1.0 section 7.1, W3C DID Resolution): a document and
 * its metadata on success, an error in the resolution metadata on failure.
 *
 * <p>Guarantees: a document is present if and only if the resolution metadata has no error; on
 * failure the document metadata is empty. A deactivated DID is a success whose document metadata
 * says {@code deactivated: true}.
 *
 * @param didDocument the document, on success
 * @param didResolutionMetadata how the resolution went
 * @param didDocumentMetadata metadata about the document
 */
public record ResolutionResult(
    Optional<DidDocument> didDocument,
    DidResolutionMetadata didResolutionMetadata,
    DidDocumentMetadata didDocumentMetadata) {
  /** The JSON-LD context of a resolution result (DIF Universal Resolver). */
  public static final String CONTEXT = "https://w3id.org/did-resolution/v1";

  /** Checks that a document is present exactly when there is no error. */
  public ResolutionResult {
    Objects.requireNonNull(didDocument, "didDocument");
    Objects.requireNonNull(didResolutionMetadata, "didResolutionMetadata");
    Objects.requireNonNull(didDocumentMetadata, "didDocumentMetadata");
    if (didDocument.isPresent() == didResolutionMetadata.error().isPresent()) {
      throw new IllegalArgumentException(
          "a document must be present exactly when there is no error");
    }
  }

  /** A successful resolution. */
  public static ResolutionResult success(DidDocument document, DidDocumentMetadata metadata) {
    return new ResolutionResult(Optional.of(document), DidResolutionMetadata.success(), metadata);
  }

  /** A failed resolution. */
  public static ResolutionResult failure(ResolutionError error, String message) {
    return new ResolutionResult(
        Optional.empty(),
        DidResolutionMetadata.failure(error, message),
        DidDocumentMetadata.empty());
  }

  /** Returns the error, if resolution failed. */
  public Optional<ResolutionError> error() {
    return didResolutionMetadata.error();
  }

  /** Returns whether a document was resolved (deactivated or not). */
  public boolean isSuccess() {
    return didDocument.isPresent();
  }

  /**
   * Returns the DIF Universal Resolver response body: {@code {"@context", "didDocument",
   * "didResolutionMetadata", "didDocumentMetadata"}}, with {@code didDocument} null on failure.
   */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("@context", CONTEXT);
    if (didDocument.isPresent()) {
      node.set("didDocument", didDocument.get().toJson());
    } else {
      node.putNull("didDocument");
    }
    node.set("didResolutionMetadata", didResolutionMetadata.toJson());
    node.set("didDocumentMetadata", didDocumentMetadata.toJson());
    return node;
  }
}
