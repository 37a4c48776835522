package io.mip.node.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.node.internal.http.JsonResponses;
import io.mip.sdk.credential.CredentialVerifier;
import io.mip.sdk.credential.VerificationResult;

/**
 * {@code POST /credentials/verify} with {@code {"presentation", "nonce", "audience"}}: runs the
 * SDK's {@link CredentialVerifier} against this node's ledger and answers 200 with {@code {"valid":
 * true, "claims": {...}}} or {@code {"valid": false, "reason": "REVOKED", "detail": "..."}}.
 */
final class VerifyRoutes {
  private final CredentialVerifier verifier;

  VerifyRoutes(CredentialVerifier verifier) {
    this.verifier = verifier;
  }

  void register(Javalin app) {
    app.post("/credentials/verify", this::verify);
  }

  private void verify(Context ctx) {
    JsonNode body = KycJson.object(ctx, SdJwt.MAX_BYTES + 4096);
    VerificationResult r =
        verifier.verify(
            KycJson.text(body, "presentation"),
            KycJson.text(body, "nonce"),
            KycJson.text(body, "audience"));
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("valid", r.isValid());
    if (r.isValid()) {
      out.set("claims", r.claims());
    } else {
      out.put("reason", r.reason().name());
      out.put("detail", r.detail());
    }
    JsonResponses.json(ctx, 200, out);
  }
}
