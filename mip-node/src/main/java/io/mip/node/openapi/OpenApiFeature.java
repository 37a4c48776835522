package io.mip.node.openapi;

import io.javalin.Javalin;
import io.mip.node.NodeContext;
import io.mip.node.NodeFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the node's OpenAPI 3.1 description at {@code GET /openapi.json}: a hand-written document
 * ({@value #RESOURCE}) covering every route of every feature. {@code OpenApiDriftTest} fails when a
 * registered route and the document disagree, so the document cannot silently fall behind.
 */
public final class OpenApiFeature implements NodeFeature {
  /** Class path resource of the document. */
  public static final String RESOURCE = "/io/mip/node/openapi/openapi.json";

  @Override
  public Started start(NodeContext context) {
    byte[] doc = document();
    return new Started() {
      @Override
      public void register(Javalin app) {
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(doc));
      }
    };
  }

  /**
   * Returns the document's bytes.
   *
   * @throws UncheckedIOException if the resource is missing from the build
   */
  public static byte[] document() {
    try (InputStream in = OpenApiFeature.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("resource " + RESOURCE + " missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
