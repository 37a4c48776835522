package io.mip.node.kyc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mip.credential.status.StatusList;
import io.mip.credential.status.StatusListId;
import io.mip.credential.status.StatusListReader;
import io.mip.node.internal.http.JsonResponses;
import io.mip.node.internal.http.ProblemException;
import io.mip.node.internal.http.ProblemType;
import io.mip.node.internal.ledger.LedgerJson;

/**
 * Serves status lists from the ledger: {@code GET /status-lists/{issuer}/{list}} gives {@code
 * {"status_list": {"bits", "lst"}, ...}} (draft-ietf-oauth-status-list section 4.2 content), and
 * {@code GET /status-lists/{issuer}/{list}/operations} the signed ledger operations it was replayed
 * from, so a verifier can check the issuer's signatures itself. Any node serves any list.
 */
final class StatusListRoutes {
  private final StatusListReader reader;

  StatusListRoutes(StatusListReader reader) {
    this.reader = reader;
  }

  void register(Javalin app) {
    app.get("/status-lists/{issuer}/{list}", this::list);
    app.get("/status-lists/{issuer}/{list}/operations", this::operations);
  }

  private static StatusListId id(Context ctx) {
    try {
      return new StatusListId(ctx.pathParam("issuer"), ctx.pathParam("list"));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.BAD_REQUEST, "not a status list id");
    }
  }

  private void list(Context ctx) {
    StatusListId id = id(ctx);
    StatusList list =
        reader
            .read(id)
            .orElseThrow(
                () ->
                    KycJson.problem(
                        "status-list-not-found",
                        404,
                        "Status list not found",
                        "no status list " + id.listId() + " for " + id.issuerDid()));
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("issuer", id.issuerDid());
    out.put("list", id.listId());
    out.put("stream", id.stream());
    out.put("size", list.size());
    out.set("status_list", list.toJson());
    ctx.header("Cache-Control", "max-age=30");
    JsonResponses.json(ctx, 200, out);
  }

  private void operations(Context ctx) {
    StatusListId id = id(ctx);
    JsonResponses.json(ctx, 200, LedgerJson.stream(id.stream(), reader.operations(id)));
  }
}
