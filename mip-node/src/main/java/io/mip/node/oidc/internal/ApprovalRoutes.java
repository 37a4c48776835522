package io.mip.node.oidc.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mip.node.internal.Lazy;
import io.mip.node.internal.http.JsonResponses;
import io.mip.node.internal.http.Problem;
import io.mip.node.internal.http.ProblemException;
import io.mip.node.internal.http.ProblemType;
import io.mip.node.internal.http.RequestBodies;
import io.mip.node.internal.http.SignedRequests;
import io.mip.profile.auth.RequestAuthenticator;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A person's remembered approvals: {@code GET /oidc/approvals} lists them, {@code DELETE
 * /oidc/approvals/{client}} revokes one (the next sign-in to that app shows the consent page
 * again). Both need a MIP signed request ({@code Authorization: MIP <token>}, {@link
 * RequestAuthenticator}) from the person, whose audience is this provider's issuer; a person sees
 * and revokes only their own. Smart Profile grants made at sign-in are revoked through the profile
 * ({@code consent.revoke}), since only the person's key can sign that.
 */
public final class ApprovalRoutes {
  private final ApprovalStore store;
  private final Lazy<RequestAuthenticator> authenticator;

  /** Creates the routes; the authenticator is built once, when the issuer is known. */
  public ApprovalRoutes(ApprovalStore store, Supplier<RequestAuthenticator> authenticator) {
    this.store = Objects.requireNonNull(store, "store");
    this.authenticator = new Lazy<>(authenticator);
  }

  /** Registers the two routes. */
  public void register(Javalin app) {
    app.get("/oidc/approvals", this::list);
    app.delete("/oidc/approvals/{client}", this::revoke);
  }

  private void list(Context ctx) {
    String person = authenticate(ctx);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode list = body.putArray("approvals");
    for (ApprovalStore.Approval a : store.byPerson(person)) {
      ObjectNode o = list.addObject();
      o.put("client_id", a.clientId());
      ArrayNode s = o.putArray("scopes");
      a.scopes().forEach(s::add);
      o.put("approved_at", a.approvedAt().toString());
      ArrayNode g = o.putArray("profile_grants");
      a.profileGrants().forEach(g::add);
    }
    JsonResponses.json(ctx, 200, body);
  }

  private void revoke(Context ctx) {
    String person = authenticate(ctx);
    String client = ctx.pathParam("client");
    Optional<ApprovalStore.Approval> gone = store.revoke(person, client);
    if (gone.isEmpty()) {
      throw new ProblemException(
          new Problem(
              URI.create(ProblemType.URI_PREFIX + "approval-not-found"),
              "Approval not found",
              404,
              "you have no remembered approval for that app",
              Map.of()));
    }
    ctx.status(204);
  }

  private String authenticate(Context ctx) {
    return SignedRequests.caller(ctx, authenticator.get(), RequestBodies.read(ctx, 1024));
  }
}
