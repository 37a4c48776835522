package io.mip.node.ai;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mip.face.Face;
import io.mip.face.FaceEngine;
import io.mip.face.FaceError;
import io.mip.face.FaceMatcher;
import io.mip.face.FaceResult;
import io.mip.face.Liveness;
import io.mip.face.LivenessResult;
import io.mip.node.internal.http.JsonResponses;
import io.mip.node.internal.http.RequestBodies;
import io.mip.node.oidc.internal.MultipartForm;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The face AI interface for apps: {@code POST /ai/face/compare} (two images, similarity and a
 * decision at the engine's documented threshold) and {@code POST /ai/face/liveness} (one image, the
 * liveness model's score and decision), plus {@code GET /ai/info} (audience, threshold, limits).
 *
 * <p>Each call must be a MIP signed request by a registered app ({@link AppCallers}); each app has
 * a token bucket ({@link TokenBucket}; over the limit: 429 with {@code Retry-After}). Images arrive
 * as {@code multipart/form-data}, are read into memory only (never spooled to disk, never stored,
 * never logged), limited to {@link #MAX_IMAGE} bytes each, and wiped after the answer is computed.
 * The request is authenticated before any image is decoded.
 */
public final class FaceAiRoutes {
  /** Largest accepted image. */
  public static final int MAX_IMAGE = 5 * 1024 * 1024;

  /** Largest accepted request body. */
  public static final int MAX_BODY = 2 * MAX_IMAGE + 16 * 1024;

  private final AppCallers callers;
  private final TokenBucket limits;
  private final FaceModels models;

  /** Creates the routes. */
  public FaceAiRoutes(AppCallers callers, TokenBucket limits, FaceModels models) {
    this.callers = Objects.requireNonNull(callers, "callers");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.models = Objects.requireNonNull(models, "models");
  }

  /** Registers the routes. */
  public void register(Javalin app) {
    app.get("/ai/info", this::info);
    app.post("/ai/face/compare", this::compare);
    app.post("/ai/face/liveness", this::liveness);
  }

  private void info(Context ctx) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("audience", callers.audience());
    o.put("threshold", FaceMatcher.DEFAULT_THRESHOLD);
    o.put("maxImageBytes", MAX_IMAGE);
    JsonResponses.json(ctx, 200, o);
  }

  private void compare(Context ctx) {
    List<MultipartForm.Part> parts = authenticatedParts(ctx);
    try {
      byte[] a = image(parts, "image1");
      byte[] b = image(parts, "image2");
      FaceEngine engine = engine();
      Face fa = face(engine.analyse(a), "image1");
      Face fb = face(engine.analyse(b), "image2");
      FaceMatcher.Result r = engine.matcher().compare(fa.template(), fb.template());
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("similarity", Math.round(r.similarity() * 10_000) / 10_000.0);
      o.put("threshold", engine.matcher().threshold());
      o.put("decision", r.decision().name().toLowerCase(Locale.ROOT));
      JsonResponses.json(ctx, 200, o);
    } finally {
      wipe(parts);
    }
  }

  private void liveness(Context ctx) {
    List<MultipartForm.Part> parts = authenticatedParts(ctx);
    try {
      byte[] img = image(parts, "image");
      LivenessResult r = engine().liveness(img);
      if (r instanceof FaceError e) {
        throw AiProblems.face(e, "image");
      }
      Liveness l = (Liveness) r;
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("score", Math.round(l.realScore() * 10_000) / 10_000.0);
      o.put("threshold", l.threshold());
      o.put("decision", l.decision().name().toLowerCase(Locale.ROOT));
      JsonResponses.json(ctx, 200, o);
    } finally {
      wipe(parts);
    }
  }

  private List<MultipartForm.Part> authenticatedParts(Context ctx) {
    Optional<String> boundary = MultipartForm.boundary(ctx.header("Content-Type"));
    if (boundary.isEmpty()) {
      throw AiProblems.badForm("send multipart/form-data");
    }
    byte[] body = RequestBodies.read(ctx, MAX_BODY);
    try {
      String app = callers.authenticate(ctx, body);
      TokenBucket.Decision d = limits.take(app);
      if (!d.allowed()) {
        long s = Math.max(1, (d.retryAfter().toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(s));
        throw AiProblems.rateLimited(s);
      }
      try {
        return MultipartForm.parse(body, boundary.get(), 4);
      } catch (IllegalArgumentException e) {
        throw AiProblems.badForm(e.getMessage());
      }
    } finally {
      Arrays.fill(body, (byte) 0);
    }
  }

  private FaceEngine engine() {
    return models.engine().orElseThrow(() -> AiProblems.unavailable(models.failure()));
  }

  private static byte[] image(List<MultipartForm.Part> parts, String name) {
    byte[] found = null;
    for (MultipartForm.Part p : parts) {
      if (p.name().equals(name)) {
        if (found != null) {
          throw AiProblems.badForm("field " + name + " sent twice");
        }
        found = p.data();
      }
    }
    if (found == null || found.length == 0) {
      throw AiProblems.badForm("field " + name + " (an image file) is required");
    }
    if (found.length > MAX_IMAGE) {
      throw AiProblems.tooLarge(name);
    }
    return found;
  }

  private static Face face(FaceResult r, String field) {
    if (r instanceof FaceError e) {
      throw AiProblems.face(e, field);
    }
    return (Face) r;
  }

  private static void wipe(List<MultipartForm.Part> parts) {
    parts.forEach(p -> Arrays.fill(p.data(), (byte) 0));
  }
}
