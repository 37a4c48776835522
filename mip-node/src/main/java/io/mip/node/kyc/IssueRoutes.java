package io.mip.node.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mip.credential.kyc.Challenge;
import io.mip.credential.kyc.KycIssuer;
import io.mip.credential.kyc.KycRequest;
import io.mip.credential.kyc.KycResult;
import io.mip.node.internal.http.JsonResponses;
import io.mip.node.internal.http.ProblemException;
import io.mip.node.internal.http.ProblemType;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * KYC issuance routes, served when the node runs a KYC issuer: {@code POST /kyc/challenge} answers
 * {@code {"nonce", "issuer", "expires_at"}}; {@code POST /kyc/issue} takes {@code {"proof", "mrz",
 * "document_photo", "selfie"}} (images base64, 8 MiB each, 24 MiB body) and answers 201 {@code
 * {"credential", "status_index"}} or a 422 problem {@code kyc-<reason>} (bad-proof,
 * challenge-expired, bad-mrz, bad-image, no-face, liveness-failed, face-mismatch). Images are
 * decoded into memory, checked, and overwritten; nothing is logged or stored.
 */
final class IssueRoutes {
  /** Largest /kyc/issue body. */
  static final int MAX_ISSUE_BODY = 24 * 1024 * 1024;

  private final Supplier<KycIssuer> issuer;

  IssueRoutes(Supplier<KycIssuer> issuer) {
    this.issuer = issuer;
  }

  void register(Javalin app) {
    app.post("/kyc/challenge", this::challenge);
    app.post("/kyc/issue", this::issue);
  }

  private KycIssuer issuer() {
    KycIssuer i = issuer.get();
    if (i == null) {
      throw KycJson.problem(
          "kyc-not-configured",
          503,
          "KYC issuer not configured",
          "this node runs no KYC issuer (see docs/kyc.md: MIP_KYC_DIR)");
    }
    return i;
  }

  private void challenge(Context ctx) {
    Challenge c = issuer().challenge();
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("nonce", c.nonce());
    out.put("issuer", c.issuer());
    out.put("expires_at", c.expiresAt().toString());
    JsonResponses.json(ctx, 201, out);
  }

  private void issue(Context ctx) {
    KycIssuer kyc = issuer();
    JsonNode body = KycJson.object(ctx, MAX_ISSUE_BODY);
    KycRequest request;
    try {
      request =
          new KycRequest(
              KycJson.text(body, "proof"),
              KycJson.text(body, "mrz"),
              Base64.getDecoder().decode(KycJson.text(body, "document_photo")),
              Base64.getDecoder().decode(KycJson.text(body, "selfie")));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.BAD_REQUEST, "images must be base64, at most 8 MiB");
    }
    KycResult r = kyc.issue(request);
    if (!r.isIssued()) {
      String code = "kyc-" + r.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
      int status = r.reason() == KycResult.Reason.ISSUER_UNAVAILABLE ? 503 : 422;
      throw KycJson.problem(code, status, "KYC refused: " + r.reason(), r.detail());
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("credential", r.credential().serialize());
    out.put("status_index", r.statusIndex());
    JsonResponses.json(ctx, 201, out);
  }
}
