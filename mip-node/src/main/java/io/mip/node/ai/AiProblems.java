package io.mip.node.ai;

import com.fasterxml.jackson.databind.node.TextNode;
import io.mip.face.FaceError;
import io.mip.node.internal.http.Problem;
import io.mip.node.internal.http.ProblemException;
import io.mip.node.internal.http.ProblemType;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** The face AI interface's RFC 9457 problems, with stable types under the node's prefix. */
final class AiProblems {
  private AiProblems() {}

  static ProblemException badForm(String detail) {
    return of("invalid-form", "Invalid form", 400, detail);
  }

  static ProblemException tooLarge(String field) {
    return of(
        "body-too-large",
        "Request body too large",
        413,
        field + " exceeds " + FaceAiRoutes.MAX_IMAGE + " bytes");
  }

  static ProblemException rateLimited(long seconds) {
    return of(
        "rate-limited",
        "Too many requests",
        429,
        "this app's face AI rate limit is reached; retry in " + seconds + " s");
  }

  static ProblemException notAnApp() {
    return of(
        "not-a-registered-app",
        "Not a registered app",
        403,
        "the face AI interface serves registered apps only");
  }

  static ProblemException unavailable(String why) {
    return of(
        "face-models-unavailable",
        "Face models unavailable",
        503,
        "the face models could not be loaded: " + why);
  }

  /** An image the engine refused: 422 with the engine's reason as {@code reason}. */
  static ProblemException face(FaceError e, String field) {
    return new ProblemException(
        new Problem(
                URI.create(ProblemType.URI_PREFIX + "face-not-usable"),
                "Face not usable",
                422,
                field + ": " + e.detail(),
                Map.of())
            .with("reason", TextNode.valueOf(e.reason().name().toLowerCase(Locale.ROOT)))
            .with("field", TextNode.valueOf(field)));
  }

  private static ProblemException of(String code, String title, int status, String detail) {
    return new ProblemException(
        new Problem(URI.create(ProblemType.URI_PREFIX + code), title, status, detail, Map.of()));
  }
}
