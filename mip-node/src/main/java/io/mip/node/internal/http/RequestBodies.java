package io.mip.node.internal.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reads request bodies with an explicit size limit and checks their media type. The limit is
 * checked twice: against {@code Content-Length} before reading, and while reading, so a chunked
 * body cannot exceed it either.
 */
public final class RequestBodies {
  private RequestBodies() {}

  /**
   * Returns the body, refusing more than {@code limit} bytes with {@link
   * ProblemType#BODY_TOO_LARGE}.
   */
  public static byte[] read(Context ctx, int limit) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw tooLarge(limit);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        throw tooLarge(limit);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("request body could not be read", e);
    }
  }

  /**
   * Refuses the request with {@link ProblemType#UNSUPPORTED_MEDIA_TYPE} unless its Content-Type is
   * {@code application/json} or a {@code +json} type (parameters such as charset allowed).
   */
  public static void requireJson(Context ctx) {
    String header = ctx.header("Content-Type");
    String media = header == null ? "" : header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    boolean json =
        media.equals("application/json")
            || (media.startsWith("application/") && media.endsWith("+json"));
    if (!json) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "expected Content-Type application/json, got "
              + (header == null ? "none" : "'" + truncate(media) + "'"));
    }
  }

  private static String truncate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  private static ProblemException tooLarge(int limit) {
    return new ProblemException(
        ProblemType.BODY_TOO_LARGE, "request body exceeds " + limit + " bytes");
  }
}
