package io.mip.node.internal.resolver;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mip.did.DidResolver;
import io.mip.did.ResolutionResult;
import io.mip.node.internal.http.JsonResponses;
import java.util.Objects;

/**
 * {@code GET /1.0/identifiers/{did}}: the DIF Universal Resolver driver interface (W3C DID
 * Resolution, HTTP(S) binding). Query parameters {@code versionTime} and {@code versionId} are the
 * DID Core section 7.1.1 resolution options.
 *
 * <p>The body is the resolution result ({@code @context, didDocument, didResolutionMetadata,
 * didDocumentMetadata}) for every outcome, or only the DID document when the client asks for a
 * document media type. Status: 200 resolved, 410 resolved but deactivated, 400 {@code invalidDid}
 * or {@code invalidOptions}, 404 {@code notFound}, 406 no acceptable representation, 501 {@code
 * methodNotSupported}, 500 {@code internalError}.
 */
public final class ResolverRoutes {
  private final DidResolver resolver;

  /** Serves {@code resolver}. */
  public ResolverRoutes(DidResolver resolver) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /** Registers the route. */
  public void register(Javalin app) {
    app.get("/1.0/identifiers/{did}", this::resolve);
  }

  private void resolve(Context ctx) {
    Representation representation = Representation.negotiate(ctx.header("Accept"));
    ResolutionResult result =
        resolver.resolve(
            ctx.pathParam("did"), ctx.queryParam("versionTime"), ctx.queryParam("versionId"));
    ctx.status(status(result));
    if (representation.documentOnly() && result.didDocument().isPresent()) {
      JsonResponses.write(ctx, representation.mediaType(), result.didDocument().get().toJson());
    } else {
      String type =
          representation.documentOnly()
              ? Representation.RESOLUTION_JSON.mediaType()
              : representation.mediaType();
      JsonResponses.write(ctx, type, result.toJson());
    }
  }

  private static int status(ResolutionResult result) {
    if (result.error().isEmpty()) {
      return result.didDocumentMetadata().deactivated() ? 410 : 200;
    }
    return switch (result.error().get()) {
      case INVALID_DID, INVALID_OPTIONS, INVALID_PUBLIC_KEY_LENGTH -> 400;
      case NOT_FOUND -> 404;
      case METHOD_NOT_SUPPORTED -> 501;
      case INTERNAL_ERROR -> 500;
    };
  }
}
