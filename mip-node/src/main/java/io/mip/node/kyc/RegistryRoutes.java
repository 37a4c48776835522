package io.mip.node.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mip.credential.registry.AccreditationCheck;
import io.mip.credential.registry.IssuerRegistry;
import io.mip.credential.registry.RegistryOperations;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.MalformedOperationException;
import io.mip.ledger.Operation;
import io.mip.node.internal.http.JsonResponses;
import io.mip.node.internal.http.Problem;
import io.mip.node.internal.http.ProblemException;
import io.mip.node.internal.http.ProblemType;
import io.mip.node.internal.ledger.LedgerJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Trusted-issuer registry routes. Accreditation and withdrawal arrive as operations already signed
 * by the governance key (the node never holds that key): {@code POST /issuers/accredit} and {@code
 * POST /issuers/withdraw}. {@code GET /issuers} lists accredited issuers; {@code GET
 * /issuers/{did}?type=..&at=..} answers the verifier's question.
 */
final class RegistryRoutes {
  private final Ledger ledger;
  private final IssuerRegistry registry;

  RegistryRoutes(Ledger ledger) {
    this.ledger = ledger;
    this.registry = new IssuerRegistry(ledger);
  }

  void register(Javalin app) {
    app.post("/issuers/accredit", ctx -> submit(ctx, RegistryOperations.ACCREDIT));
    app.post("/issuers/withdraw", ctx -> submit(ctx, RegistryOperations.WITHDRAW));
    app.get("/issuers", this::list);
    app.get("/issuers/{did}", this::check);
  }

  private void submit(Context ctx, String type) {
    JsonNode body = KycJson.object(ctx, Operation.MAX_BYTES);
    Operation op;
    try {
      op = Operation.fromJson(body);
    } catch (MalformedOperationException e) {
      throw new ProblemException(ProblemType.MALFORMED_OPERATION, e.getMessage());
    }
    if (!type.equals(op.type())) {
      throw new ProblemException(ProblemType.BAD_REQUEST, "expected a " + type + " operation");
    }
    Admission a = ledger.submit(op);
    if (!a.admitted()) {
      int status = "broken-chain".equals(a.rejection().code()) ? 409 : 403;
      throw new ProblemException(Problem.ofRejection(a.rejection(), status));
    }
    JsonResponses.json(
        ctx, a.status() == Admission.Status.ACCEPTED ? 201 : 200, LedgerJson.receipt(a.receipt()));
  }

  private void list(Context ctx) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("governanceKey", ledger.governanceKey().toMultibase());
    ObjectNode issuers = out.putObject("issuers");
    registry
        .state()
        .accredited()
        .forEach(
            (did, types) -> {
              var arr = issuers.putArray(did);
              types.forEach(arr::add);
            });
    registry.head().ifPresent(h -> out.put("head", h.value()));
    JsonResponses.json(ctx, 200, out);
  }

  private void check(Context ctx) {
    String did = ctx.pathParam("did");
    String type = ctx.queryParam("type");
    if (type == null || type.isEmpty()) {
      throw new ProblemException(ProblemType.BAD_REQUEST, "query parameter 'type' is required");
    }
    Instant at;
    try {
      String atParam = ctx.queryParam("at");
      at = atParam == null ? Instant.now() : Instant.parse(atParam);
    } catch (DateTimeParseException e) {
      throw new ProblemException(ProblemType.BAD_REQUEST, "'at' must be an RFC 3339 time");
    }
    AccreditationCheck c = registry.check(did, type, at);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("issuer", did);
    out.put("type", type);
    out.put("at", at.toString());
    out.put("status", c.status().name());
    out.put("detail", c.detail());
    JsonResponses.json(ctx, 200, out);
  }
}
